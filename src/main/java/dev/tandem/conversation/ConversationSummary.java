package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation as inbox lists show it. */
public record ConversationSummary(UUID id, ConversationStatus status, String channel, UUID teamId, UUID assigneeId,
        Customer customer, String subject, String lastPreview, Instant createdAt, Instant updatedAt,
        Instant lastMessageAt, Instant resolvedAt, Instant handoffRequestedAt, long version) {
}
