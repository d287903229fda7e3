package dev.tandem.review;

import java.time.Instant;
import java.util.UUID;

/** A reviewer decided on a held AI reply: approved, edited (and sent), or rejected (and handed to a person). */
public record ReplyReviewed(Instant at, UUID reviewId, UUID conversationId, ReviewStatus outcome, String by, String reason) {
}
