package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as inbox lists show it.
 *
 * @param priority how urgent a person's reply is (NORMAL unless the conversation was escalated as more)
 * @param firstResponse the first-response target of its current wait for a person, null when it never waited
 * @param followUpEmail the address the customer left to be answered by email, null when they left none
 */
public record ConversationSummary(UUID id, ConversationStatus status, String channel, UUID teamId, UUID assigneeId,
        Customer customer, String subject, String lastPreview, Instant createdAt, Instant updatedAt,
        Instant lastMessageAt, Instant resolvedAt, Instant handoffRequestedAt, long version,
        ConversationPriority priority, FirstResponse firstResponse, String followUpEmail) {

    public ConversationSummary {
        priority = priority == null ? ConversationPriority.NORMAL : priority;
    }

    public ConversationSummary(UUID id, ConversationStatus status, String channel, UUID teamId, UUID assigneeId,
            Customer customer, String subject, String lastPreview, Instant createdAt, Instant updatedAt,
            Instant lastMessageAt, Instant resolvedAt, Instant handoffRequestedAt, long version,
            ConversationPriority priority, FirstResponse firstResponse) {
        this(id, status, channel, teamId, assigneeId, customer, subject, lastPreview, createdAt, updatedAt,
                lastMessageAt, resolvedAt, handoffRequestedAt, version, priority, firstResponse, null);
    }

    public ConversationSummary(UUID id, ConversationStatus status, String channel, UUID teamId, UUID assigneeId,
            Customer customer, String subject, String lastPreview, Instant createdAt, Instant updatedAt,
            Instant lastMessageAt, Instant resolvedAt, Instant handoffRequestedAt, long version) {
        this(id, status, channel, teamId, assigneeId, customer, subject, lastPreview, createdAt, updatedAt,
                lastMessageAt, resolvedAt, handoffRequestedAt, version, ConversationPriority.NORMAL, null);
    }
}
