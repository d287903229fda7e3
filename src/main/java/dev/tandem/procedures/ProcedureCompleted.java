package dev.tandem.procedures;

import java.time.Instant;
import java.util.UUID;

/**
 * The assistant finished a routine task for the customer without a person: a candidate AI resolution
 * (whether it really resolved the contact is for the outcome figures to judge, e.g. no repeat contact).
 *
 * @param procedure the procedure's name ("refund")
 * @param steps how many customer turns it took
 */
public record ProcedureCompleted(UUID runId, UUID conversationId, String procedure, int steps, Instant startedAt,
        Instant completedAt) {
}
