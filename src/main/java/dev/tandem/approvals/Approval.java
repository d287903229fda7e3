package dev.tandem.approvals;

import java.time.Instant;
import java.util.UUID;

/**
 * @param kind who asked and what sort of thing waits (e.g. {@code procedure-action})
 * @param reference the waiting thing in the asker's terms; one approval per kind and reference
 * @param title one line for the queue ("Refund $120.00 of order NW-1002")
 * @param details what the approver needs to decide, in words
 */
public record Approval(UUID id, String kind, String reference, UUID conversationId, String title, String details,
        ApprovalStatus status, Instant requestedAt, Instant decidedAt, String decidedBy, String note, long version) {
}
