package dev.tandem.simulation;

/** How one simulated conversation ended, judged against what the scenario expected. */
public enum Outcome {
    /** The AI alone met the goal and the customer confirmed it. */
    RESOLVED_BY_AI,
    /** A person took it, as the scenario expected, without the customer having to insist. */
    ESCALATED_CORRECTLY,
    /** The AI handed over a conversation it was expected to resolve or decline. */
    ESCALATED_UNNECESSARILY,
    /** The AI did not help; the customer ran out of patience and asked for a person. */
    ESCALATED_AFTER_FAILURE,
    /** A person was needed, but the AI kept the conversation until the customer insisted, or to the end. */
    MISSED_ESCALATION,
    /** Out of scope: the AI said it could not help, and invented nothing. */
    DECLINED_CORRECTLY,
    /** The goal was not met and nobody took over. */
    UNRESOLVED,
    /** The server did not answer as the API promises (the reason is in the report). */
    ERROR;

    boolean success() {
        return this == RESOLVED_BY_AI || this == ESCALATED_CORRECTLY || this == DECLINED_CORRECTLY;
    }
}
