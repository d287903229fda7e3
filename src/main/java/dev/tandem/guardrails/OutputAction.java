package dev.tandem.guardrails;

/** What the output constitution does with an AI reply that breaks one of its rules. */
public enum OutputAction {
    /** No rule broken: the reply goes out as written. */
    ALLOW,
    /** The reply is replaced by a safe reply in the customer's language. */
    BLOCK,
    /** The reply is held for a person to approve, edit or reject (the review queue). */
    REVIEW,
    /** The reply is dropped and the conversation handed to a person. */
    ESCALATE
}
