package dev.tandem.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An AI reply is held for review; the audit log records why. */
public record ReplyHeld(Instant at, UUID reviewId, UUID conversationId, UUID teamId, List<String> reasons) {
}
