package dev.tandem.quality;

import java.util.List;

/**
 * The two items judged against the rest of the system rather than the conversation's words: {@code accurate}
 * (the knowledge base) and {@code policy_compliant} (the guardrails' output constitution). The evaluation runs
 * without either and leaves them not applicable.
 */
interface ClaimChecks {

    ClaimChecks NONE = new ClaimChecks() {
        @Override
        public Verdict accurate(List<Transcript.Line> lines, String language) {
            return Verdict.notApplicable("accurate", "no knowledge base to check against");
        }

        @Override
        public Verdict policyCompliant(List<Transcript.Line> lines, String language) {
            return Verdict.notApplicable("policy_compliant", "no constitution to check against");
        }
    };

    Verdict accurate(List<Transcript.Line> lines, String language);

    Verdict policyCompliant(List<Transcript.Line> lines, String language);
}
