package dev.tandem.routing;

import java.util.List;
import java.util.UUID;

import dev.tandem.escalation.EscalationReason;

/**
 * What another module may say about an agent before routing gives them a conversation automatically
 * (the wellbeing module does: breaks, and sharing out difficult contacts). Routing asks it for every
 * candidate of every assignment, so an implementation answers from its own memory, never with a query.
 * Without an implementation routing behaves as if every agent were fine.
 */
public interface AssignmentAdvice {

    /** The agent paused new assignments (a break they took): passed over until it ends. */
    boolean paused(UUID agentId);

    /**
     * The conversation should go to someone else first, when someone else qualifies: the agent just had
     * many difficult contacts and this one looks difficult too. With nobody else it still goes to them.
     *
     * @param reasons why the assistant handed it over, when routing knows (empty otherwise)
     */
    boolean spare(UUID agentId, UUID conversationId, List<EscalationReason> reasons);
}
