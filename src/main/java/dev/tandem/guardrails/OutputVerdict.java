package dev.tandem.guardrails;

/**
 * The output constitution's decision on one AI reply (or one sentence of a streamed reply).
 *
 * @param action what to do with the reply
 * @param ruleId the rule that decided, null when none was broken
 * @param constitutionVersion the version of the constitution that decided (0 is the one shipped in the jar)
 * @param safeReply for {@link OutputAction#BLOCK}: the text to send instead, in the customer's language; else null
 */
public record OutputVerdict(OutputAction action, String ruleId, int constitutionVersion, String safeReply) {

    public static OutputVerdict allowed(int version) {
        return new OutputVerdict(OutputAction.ALLOW, null, version, null);
    }

    public boolean allowed() {
        return action == OutputAction.ALLOW;
    }
}
