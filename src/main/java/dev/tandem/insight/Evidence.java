package dev.tandem.insight;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a conversation and bears on its outcome, dated when it happened (not when it was
 * recorded: evidence may arrive late, and the ledger judges it by its date).
 *
 * @param ref what it refers to: the new conversation of a repeat contact, the rating, the procedure
 */
record Evidence(UUID id, UUID conversationId, Kind kind, Instant at, String ref, Instant recordedAt) {

    enum Kind {
        /** the conversation was reopened (by the customer writing again, or an agent) */
        REOPENED,
        /** the same customer started another conversation on the same topic (intent) */
        REPEAT_SAME_TOPIC,
        /** the same customer started another conversation whose topic is unknown on one side */
        REPEAT_UNKNOWN_TOPIC,
        /** the customer rated the conversation; {@code ref} is the rating */
        RATED,
        /** the assistant completed a routine task for the customer; {@code ref} is the procedure */
        PROCEDURE_COMPLETED,
        /** the conversation was handed to a person */
        HANDOFF,
        /** the customer was emailed a rating link for the resolution at {@code at} (asked once per resolution) */
        RATING_ASKED
    }

    /** Whether this evidence says the customer's problem was not solved, under {@code definition}. */
    boolean disqualifies(ResolutionDefinition definition) {
        return switch (kind) {
            case REOPENED, REPEAT_SAME_TOPIC, HANDOFF -> true;
            case REPEAT_UNKNOWN_TOPIC -> definition.unknownTopicIsSame();
            case RATED -> rating() > 0 && rating() <= definition.negativeRatingAtMost();
            case PROCEDURE_COMPLETED, RATING_ASKED -> false;
        };
    }

    int rating() {
        try {
            return ref == null ? 0 : Integer.parseInt(ref);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
