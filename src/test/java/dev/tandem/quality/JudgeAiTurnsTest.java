package dev.tandem.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Each AI reply is judged on its own on accuracy and policy, the agent's lines are not, and only applicable verdicts
 * are published, each naming its reply and quoting its words.
 */
class JudgeAiTurnsTest {

    final UUID right = UUID.randomUUID();
    final UUID wrong = UUID.randomUUID();
    final UUID greeting = UUID.randomUUID();
    final UUID agent = UUID.randomUUID();

    /** The knowledge base says 5 days; a reply without a figure makes no claim; the word "guaranteed" breaks a rule. */
    final ClaimChecks checks = new ClaimChecks() {
        @Override
        public Verdict accurate(List<Transcript.Line> lines, String language) {
            assertThat(lines).hasSize(1);
            Transcript.Line line = lines.get(0);
            if (!line.text().matches(".*\\d.*")) {
                return Verdict.notApplicable("accurate", "no factual claim with a figure");
            }
            boolean holds = line.text().contains("5 days");
            return new Verdict("accurate", holds, line.id(), line.text(), 0.6, holds ? "same figure" : "other figures");
        }

        @Override
        public Verdict policyCompliant(List<Transcript.Line> lines, String language) {
            Transcript.Line line = lines.get(0);
            boolean compliant = !line.text().contains("guaranteed");
            return new Verdict("policy_compliant", compliant, line.id(), line.text(), 0.75, compliant ? "none broken" : "rule r1");
        }
    };

    @Test
    void everyAiReplyIsJudgedOnItsOwnAndOnlyApplicableVerdictsArePublished() {
        Transcript transcript = new Transcript(List.of(
                new Transcript.Line(UUID.randomUUID().toString(), Transcript.Author.CUSTOMER, "how long is delivery?"),
                new Transcript.Line(greeting.toString(), Transcript.Author.AI, "Happy to help!"),
                new Transcript.Line(right.toString(), Transcript.Author.AI, "Delivery takes 5 days."),
                new Transcript.Line(wrong.toString(), Transcript.Author.AI, "Refunds are guaranteed within 30 days."),
                new Transcript.Line(agent.toString(), Transcript.Author.AGENT, "It takes 9 days, guaranteed.")), null);

        List<AiTurnsJudged.Turn> turns = JudgeAiTurns.judge(transcript, Rubric.bundled(), checks, "en");

        assertThat(turns).extracting(AiTurnsJudged.Turn::messageId).doesNotContain(agent);
        assertThat(turns).filteredOn(t -> t.messageId().equals(greeting)).extracting(AiTurnsJudged.Turn::item)
            .containsExactly("policy_compliant");
        assertThat(turns).filteredOn(t -> t.messageId().equals(right))
            .extracting(AiTurnsJudged.Turn::item, AiTurnsJudged.Turn::verdict)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("accurate", true),
                    org.assertj.core.groups.Tuple.tuple("policy_compliant", true));
        assertThat(turns).filteredOn(t -> t.messageId().equals(wrong))
            .extracting(AiTurnsJudged.Turn::item, AiTurnsJudged.Turn::verdict, AiTurnsJudged.Turn::evidence)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("accurate", false, "Refunds are guaranteed within 30 days."),
                    org.assertj.core.groups.Tuple.tuple("policy_compliant", false, "Refunds are guaranteed within 30 days."));
    }

    @Test
    void linesOfAnEvaluationFileWithoutMessageIdsAreNotPublished() {
        Transcript transcript = new Transcript(List.of(new Transcript.Line("2", Transcript.Author.AI, "It takes 5 days.")), null);

        assertThat(JudgeAiTurns.judge(transcript, Rubric.bundled(), checks, "en")).isEmpty();
    }
}
