package dev.tandem.procedures;

import java.time.Instant;
import java.util.UUID;

/**
 * A procedure called a company system to change something (a refund, an address, a reset link), or a
 * person decided on it: for the audit log.
 *
 * @param inputs what was sent, personal data masked
 * @param result what came back, in words ("done", "refused: 409", "no answer")
 */
public record ProcedureActionTaken(UUID runId, UUID conversationId, String procedure, String action, String inputs,
        String result, Instant at) {
}
