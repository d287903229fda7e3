package dev.tandem.guardrails;

/**
 * What a guardrail checks. The input guards are the first three; the output rules of a later issue (the
 * "constitution", the grounding check) add theirs here and reuse {@link Finding}, {@link GuardrailAction} and
 * {@link Screening}.
 */
public enum Check {

    /** Prompt injection or a jailbreak attempt: instructions to the assistant hidden in a customer's message. */
    PROMPT_INJECTION("possible prompt injection"),
    /** Insults, slurs, harassment: abuse aimed at whoever reads the message. */
    ABUSE("abusive language"),
    /** Personal data in the text (which types, never the values). */
    PERSONAL_DATA("personal data");

    private final String label;

    Check(String label) {
        this.label = label;
    }

    /** How people read it in the workspace and the audit log. */
    public String label() {
        return label;
    }
}
