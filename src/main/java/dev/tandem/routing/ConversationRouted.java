package dev.tandem.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * Routing decided where an escalated conversation waits and what its agent needs.
 *
 * @param rule the rule that matched, null when none did (it stays in its team)
 * @param fromTeamId the team it was in
 * @param toTeamId the team it waits in now (the same when it stayed)
 * @param why the decision in words
 */
public record ConversationRouted(UUID conversationId, String rule, UUID fromTeamId, UUID toTeamId, String why,
        Instant at) {
}
