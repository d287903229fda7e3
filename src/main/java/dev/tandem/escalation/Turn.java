package dev.tandem.escalation;

/**
 * One message of a conversation as the escalation policy reads it.
 *
 * @param speaker who wrote it
 * @param text what it says
 * @param outcome for the assistant's turns, whether it answered; {@link AiOutcome#UNKNOWN} makes the
 *     policy judge from the words (as with transcripts from elsewhere)
 */
public record Turn(Speaker speaker, String text, AiOutcome outcome) {

    public enum Speaker {
        CUSTOMER, AI
    }

    public enum AiOutcome {
        /** Answered from the knowledge base. */
        ANSWERED,
        /** Asked which of two topics the customer meant. */
        CLARIFIED,
        /** Could not answer and offered a person. */
        NOT_ANSWERED,
        UNKNOWN
    }

    public Turn {
        text = text == null ? "" : text;
        outcome = outcome == null ? AiOutcome.UNKNOWN : outcome;
    }

    public static Turn customer(String text) {
        return new Turn(Speaker.CUSTOMER, text, AiOutcome.UNKNOWN);
    }

    public static Turn ai(String text, AiOutcome outcome) {
        return new Turn(Speaker.AI, text, outcome);
    }

    boolean fromCustomer() {
        return speaker == Speaker.CUSTOMER;
    }
}
