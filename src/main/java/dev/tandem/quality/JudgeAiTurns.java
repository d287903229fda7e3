package dev.tandem.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Judges each AI reply of a transcript on its own for {@code accurate} and {@code policy_compliant}: the
 * conversation's verdict names one message, the answer-quality view needs every reply's. The same checks as the
 * conversation's, so a reply costs at most {@code SystemClaimChecks.MAX_CLAIMS} searches and one constitution pass.
 */
final class JudgeAiTurns {

    private JudgeAiTurns() {
    }

    static List<AiTurnsJudged.Turn> judge(Transcript transcript, Rubric rubric, ClaimChecks checks, String language) {
        boolean accurate = appliesToAi(rubric, "accurate");
        boolean policy = appliesToAi(rubric, "policy_compliant");
        List<AiTurnsJudged.Turn> turns = new ArrayList<>();
        for (Transcript.Line line : transcript.by(Transcript.Author.AI)) {
            UUID messageId = messageId(line);
            if (messageId == null) {
                continue;
            }
            if (accurate) {
                add(turns, messageId, checks.accurate(List.of(line), language));
            }
            if (policy) {
                add(turns, messageId, checks.policyCompliant(List.of(line), language));
            }
        }
        return turns;
    }

    private static void add(List<AiTurnsJudged.Turn> turns, UUID messageId, Verdict verdict) {
        if (verdict.value() != null) {
            turns.add(new AiTurnsJudged.Turn(messageId, verdict.item(), verdict.value(), verdict.quote(), verdict.basis(),
                    verdict.confidence()));
        }
    }

    private static boolean appliesToAi(Rubric rubric, String item) {
        return rubric.item(item).map(i -> i.appliesTo().ai()).orElse(false);
    }

    private static UUID messageId(Transcript.Line line) {
        try {
            return UUID.fromString(line.id());
        } catch (IllegalArgumentException positionInAnEvaluationFile) {
            return null;
        }
    }
}
