package dev.tandem.guardrails;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The input guardrails found something in a customer's message and stored it (the audit log records it).
 *
 * @param checks what was found
 * @param detail the findings in words for the audit log: checks, rules, scores and actions, never the text
 */
public record InputFlagged(Instant at, UUID conversationId, UUID messageId, List<Check> checks, String detail) {

    public InputFlagged {
        checks = List.copyOf(checks);
    }
}
