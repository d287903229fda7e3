package dev.tandem.approvals;

import java.time.Instant;
import java.util.UUID;

/** A person approved or rejected a waiting request; published once per approval. */
public record ApprovalDecided(UUID approvalId, String kind, String reference, UUID conversationId, boolean approved,
        String decidedBy, String note, Instant at) {
}
