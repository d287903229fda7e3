package dev.tandem.escalation;

/**
 * One reason the policy found to hand the conversation to a person.
 *
 * @param reason the category
 * @param rule the rule that found it, as named in the rules file
 * @param says the reason in words, for the agent and the audit trail
 * @param priority how urgent this reason makes the conversation
 * @param evidence what in the conversation triggered it (the customer's words, a score)
 */
public record Finding(EscalationReason reason, String rule, String says, Priority priority, String evidence) {

    /** The rule name of a finding of the opinion learned from examples rather than of a rule of the rules file. */
    public static final String LEARNED_OPINION = "learned-opinion";
}
