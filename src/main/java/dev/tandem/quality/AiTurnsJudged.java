package dev.tandem.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resolved conversation's AI replies were judged on the rubric's items checked against the rest of the system
 * ({@code accurate}: the knowledge base; {@code policy_compliant}: the guardrails' constitution), each reply on its
 * own. Published with the conversation's score, after it is resolved, never on the message path; the answering
 * module files the verdicts against its answers for the knowledge-gap and answer-quality views.
 *
 * @param turns the applicable verdicts only (a reply without a figure has no {@code accurate} verdict)
 */
public record AiTurnsJudged(UUID conversationId, int rubricVersion, Instant judgedAt, List<Turn> turns) {

    public AiTurnsJudged {
        turns = List.copyOf(turns);
    }

    /**
     * One item's verdict on one AI reply.
     *
     * @param messageId the AI's message
     * @param verdict true when it holds
     * @param evidence the reply's exact words it rests on
     * @param basis why, in a few words
     * @param confidence how sure the judge is, 0 to 1
     */
    public record Turn(UUID messageId, String item, boolean verdict, String evidence, String basis, double confidence) {
    }
}
