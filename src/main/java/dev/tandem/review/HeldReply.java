package dev.tandem.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.conversation.Citation;

/**
 * An AI reply held for review, and once decided the feedback it leaves: the draft, the text sent, why, and who.
 *
 * @param draft what the AI wrote
 * @param finalText what was sent (the draft, or the reviewer's edit); null while pending or when rejected
 * @param reasons why it was held
 * @param dueAt when the review's SLA runs out
 * @param version for version-checked decisions
 */
public record HeldReply(UUID id, UUID conversationId, UUID teamId, UUID questionMessageId, String language, String draft,
        List<Citation> citations, String messageKind, List<String> reasons, ReviewStatus status, Instant requestedAt,
        Instant dueAt, Instant decidedAt, String decidedBy, String finalText, String reason, UUID postedMessageId,
        long version) {

    public boolean overdue(Instant now) {
        return status == ReviewStatus.PENDING && now.isAfter(dueAt);
    }
}
