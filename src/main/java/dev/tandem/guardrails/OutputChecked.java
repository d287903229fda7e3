package dev.tandem.guardrails;

import java.time.Instant;
import java.util.UUID;

/**
 * An AI reply broke a rule of the output constitution: which rule, of which version, and what was done. The
 * audit log records it; the reply's text is not carried (it may hold personal data).
 *
 * @param conversationId the conversation the reply was for
 * @param ruleId the rule broken
 * @param constitutionVersion the active version of the constitution
 * @param action what was done with the reply
 * @param streamed true when a sentence of a reply being streamed broke it (the stream was stopped before it was shown)
 */
public record OutputChecked(Instant at, UUID conversationId, String ruleId, int constitutionVersion, OutputAction action,
        boolean streamed) {
}
