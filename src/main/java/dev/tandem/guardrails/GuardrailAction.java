package dev.tandem.guardrails;

/**
 * What is done about a finding, per check, as configured ({@code tandem.guardrails.<check>.actions}). The same
 * set serves input and output rules: an output rule that blocks a reply uses {@link #SAFE_REPLY}, one that
 * needs a person {@link #HAND_OFF}.
 */
public enum GuardrailAction {

    /** The finding is stored and audited, nothing else. */
    RECORD,
    /** The conversation shows the finding in the workspace (stored and audited too). */
    FLAG,
    /** The text never goes to an external model: the assistant answers from the knowledge base in embedded mode. */
    KEEP_FROM_MODEL,
    /** The assistant does not answer the message; it replies with the safe template in the customer's language. */
    SAFE_REPLY,
    /** The assistant hands the conversation to a person. */
    HAND_OFF,
    /** Agents see the message hidden behind a notice until they choose to read it. */
    SHIELD_AGENT
}
