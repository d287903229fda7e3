package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

/** A person took the conversation, or it was transferred to them ({@code previousAssigneeId} set). */
public record ConversationAssigned(UUID conversationId, UUID teamId, UUID assigneeId, UUID previousAssigneeId,
        String by, Instant at) {
}
