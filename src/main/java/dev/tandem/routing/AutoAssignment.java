package dev.tandem.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.tandem.conversation.AssignConversation;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.escalation.EscalationReason;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;

/**
 * With {@code tandem.routing.auto-assign} on, gives a waiting conversation to the least-loaded
 * qualified agent (see {@link LeastLoaded}) through the conversation module's atomic claim: if two
 * nodes try at once, one wins and the other finds it taken. Off, it does nothing and agents claim.
 * An ONLINE agent not seen for {@code tandem.routing.presence.offline-after} is passed over even
 * before the {@link PresenceWatch} took them offline. An {@link AssignmentAdvice} (wellbeing's) passes over
 * agents on a break and puts an agent who just had many difficult contacts after the others for a
 * difficult conversation: they still get it when nobody else can take it.
 */
@Component
class AutoAssignment {

    private final boolean enabled;
    private final UserDirectory directory;
    private final AgentPresence presence;
    private final ConversationQueries conversations;
    private final AssignConversation assign;
    private final Duration offlineAfter;
    private final List<AssignmentAdvice> advice;
    private final Clock clock;

    AutoAssignment(RoutingProperties properties, UserDirectory directory, AgentPresence presence,
            ConversationQueries conversations, AssignConversation assign, ObjectProvider<AssignmentAdvice> advice,
            Clock clock) {
        this.enabled = properties.autoAssign();
        this.directory = directory;
        this.presence = presence;
        this.conversations = conversations;
        this.assign = assign;
        this.offlineAfter = properties.presence().offlineAfter();
        this.advice = advice.orderedStream().toList();
        this.clock = clock;
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * The teams in which someone could take a conversation now: the queue sweep looks only at those
     * teams' queues (none, most of the time).
     */
    java.util.Set<UUID> teamsWithRoom() {
        if (!enabled) {
            return java.util.Set.of();
        }
        return LeastLoaded.ranked(directory.agents(), conversations.assignedCounts(), presenceNow(),
                new LeastLoaded.Requirements(null, null, null)).stream()
            .filter(agent -> !paused(agent))
            .flatMap(agent -> agent.teamIds().stream())
            .collect(java.util.stream.Collectors.toSet());
    }

    /** @return who got it; empty when auto-assignment is off, nobody qualifies or it no longer waits */
    Optional<UserSummary> assign(UUID conversationId, LeastLoaded.Requirements needs) {
        return assign(conversationId, needs, List.of());
    }

    /** @param reasons why the assistant handed it over, when known: advice may judge the conversation by them */
    Optional<UserSummary> assign(UUID conversationId, LeastLoaded.Requirements needs, List<EscalationReason> reasons) {
        if (!enabled) {
            return Optional.empty();
        }
        Map<UUID, Long> loads = conversations.assignedCounts();
        List<UserSummary> ranked = advised(LeastLoaded.ranked(directory.agents(), loads, presenceNow(), needs),
                conversationId, reasons);
        for (UserSummary agent : ranked) {
            if (assign.assignAutomatically(conversationId, agent, why(agent, loads, needs)).isPresent()) {
                return Optional.of(agent);
            }
            boolean stillWaiting = conversations.summary(conversationId)
                .map(c -> c.status() == ConversationStatus.QUEUED).orElse(false);
            if (!stillWaiting) {
                return Optional.empty();
            }
            // that agent filled up meanwhile (another node gave them one): the next one
        }
        return Optional.empty();
    }

    /** Agents on a break out; those to spare after the rest, in their order (a stable partition). */
    private List<UserSummary> advised(List<UserSummary> ranked, UUID conversationId, List<EscalationReason> reasons) {
        if (advice.isEmpty()) {
            return ranked;
        }
        List<UserSummary> first = new java.util.ArrayList<>();
        List<UserSummary> spared = new java.util.ArrayList<>();
        for (UserSummary agent : ranked) {
            if (paused(agent)) {
                continue;
            }
            boolean spare = advice.stream().anyMatch(a -> a.spare(agent.id(), conversationId, reasons));
            (spare ? spared : first).add(agent);
        }
        first.addAll(spared);
        return first;
    }

    private boolean paused(UserSummary agent) {
        return advice.stream().anyMatch(a -> a.paused(agent.id()));
    }

    private Map<UUID, PresenceStatus> presenceNow() {
        return presence.allSeenSince(clock.instant().minus(offlineAfter));
    }

    private String why(UserSummary agent, Map<UUID, Long> loads, LeastLoaded.Requirements needs) {
        StringBuilder why = new StringBuilder("least loaded online agent");
        if (needs.teamId() != null) {
            why.append(" of ").append(directory.team(needs.teamId()).map(t -> t.name()).orElse("the team"));
        }
        why.append(" (").append(loads.getOrDefault(agent.id(), 0L)).append(" of ").append(agent.maxConcurrent())
            .append(" open)");
        if (needs.language() != null) {
            why.append(", speaks ").append(needs.language());
        }
        if (needs.skill() != null) {
            why.append(", skill ").append(needs.skill());
        }
        return why.append('.').toString();
    }
}
