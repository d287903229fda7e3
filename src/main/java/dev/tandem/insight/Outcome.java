package dev.tandem.insight;

/** How a conversation ended, as the outcome figures count it. */
public enum Outcome {
    /** still going */
    OPEN,
    /** resolved, or gone quiet after the assistant's answer, without a person: "claimed" AI resolution */
    AI_RESOLVED,
    /** resolved with a person (after a handoff, or a person wrote to the customer) */
    HUMAN_RESOLVED,
    /** the customer left without resolution: went quiet while waiting for a person or for an answer */
    ABANDONED,
    /** resolved once, then reopened, and open again */
    REOPENED
}
