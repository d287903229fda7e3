package dev.tandem.escalation;

/** Why a conversation goes to a person, in the policy's own categories. */
public enum EscalationReason {

    PERSON_REQUEST("asked for a person"),
    FRUSTRATION("frustrated"),
    REPETITION("not helped by the answers"),
    HIGH_STAKES("high stakes"),
    VULNERABLE("vulnerable customer"),
    OUT_OF_SCOPE("outside what the assistant can answer"),
    /** A routine task the assistant was doing failed or the customer got stuck in it (see the packet's tasks). */
    TASK_FAILED("a routine task could not be finished");

    private final String words;

    EscalationReason(String words) {
        this.words = words;
    }

    /** The reason as an agent reads it in a list. */
    public String words() {
        return words;
    }
}
