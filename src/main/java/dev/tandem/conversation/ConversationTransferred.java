package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

/** Handed to another agent or team; {@code toAssigneeId} is null when it went back to a team's queue. */
public record ConversationTransferred(UUID conversationId, UUID fromTeamId, UUID toTeamId, UUID fromAssigneeId,
        UUID toAssigneeId, String note, String by, Instant at) {
}
