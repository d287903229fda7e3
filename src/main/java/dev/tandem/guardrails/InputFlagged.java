package dev.tandem.guardrails;

import java.util.List;
import java.util.UUID;

/** The input guardrails found something in a customer's message and stored it; views of the conversation refresh. */
public record InputFlagged(UUID conversationId, UUID messageId, List<Check> checks) {

    public InputFlagged {
        checks = List.copyOf(checks);
    }
}
