package dev.tandem.insight;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation's outcome row was written or changed (at a conversation-level event or by the sweep, never per
 * message), or the ledger verified it or reversed its entry: what a dashboard needs to keep its aggregates in step,
 * the outcome before and after (the same when only its measures, its rating or its ledger state changed).
 *
 * @param previous the outcome before, null when the conversation had no row yet
 */
public record ConversationOutcomeRecorded(UUID conversationId, UUID teamId, Outcome previous, Outcome current,
        Instant at) {
}
