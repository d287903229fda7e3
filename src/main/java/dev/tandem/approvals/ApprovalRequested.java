package dev.tandem.approvals;

import java.time.Instant;
import java.util.UUID;

/** A new request waits in the approval queue. */
public record ApprovalRequested(UUID approvalId, String kind, String reference, UUID conversationId, String title,
        Instant at) {
}
