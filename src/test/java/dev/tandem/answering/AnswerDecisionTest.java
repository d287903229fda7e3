package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.answering.AnswerDecision.Verdict;
import dev.tandem.answering.GroundedAnswers.Candidate;
import dev.tandem.knowledge.Passage;

/** The decision to answer weighs how clearly the best article stands out, not a fixed similarity level. */
class AnswerDecisionTest {

    private final AnswerDecision decision = AnswerDecision.CHOSEN;

    @Test
    void anArticleThatStandsOutFromTheRestIsTheAnswer() {
        var decided = decision.decide(List.of(candidate("a", "Reset your password", 0.90, 0.9, 0.9, 0.30),
                candidate("b", "Account locked", 0.76, 0.4, 0.3, 0.12), candidate("c", "Create an account", 0.74, 0.3, 0.2, 0.10)));
        assertThat(decided.verdict()).isEqualTo(Verdict.ANSWER);
        assertThat(decided.choices()).extracting(c -> c.passage().articleId()).containsExactly("a");
    }

    @Test
    void theSameSimilarityWithoutAMarginIsNoAnswer() {
        var clear = decision.decide(List.of(candidate("a", "A", 0.84, 0.8, 0.8, 0.30), candidate("b", "B", 0.72, 0.3, 0.3, 0.10),
                candidate("c", "C", 0.70, 0.3, 0.3, 0.09)));
        var crowded = decision.decide(List.of(candidate("a", "A", 0.84, 0.8, 0.8, 0.30), candidate("b", "B", 0.835, 0.8, 0.8, 0.295),
                candidate("c", "C", 0.83, 0.8, 0.8, 0.29)));
        assertThat(crowded.probability()).isLessThan(clear.probability());
        assertThat(crowded.verdict()).isNotEqualTo(Verdict.ANSWER);
    }

    @Test
    void severalArticlesThatFitEquallyAreOfferedAsChoicesWithDistinctTitles() {
        var decided = decision.decide(List.of(candidate("a", "Return an item", 0.86, 0.8, 0.8, 0.30),
                candidate("a2", "Return an item", 0.858, 0.8, 0.8, 0.30), candidate("b", "Exchange an item", 0.855, 0.8, 0.8, 0.29),
                candidate("c", "Return window", 0.85, 0.8, 0.8, 0.29), candidate("d", "Refund timing", 0.70, 0.5, 0.5, 0.1)));
        assertThat(decided.verdict()).isEqualTo(Verdict.SUGGEST);
        assertThat(decided.choices()).extracting(c -> c.passage().articleId()).containsExactly("a", "b", "c");
    }

    @Test
    void aQuestionFarFromEverythingIsOutOfScopeEvenForAModel() {
        var decided = decision.decide(List.of(candidate("a", "Boot care", 0.58, 0.1, 0.05, 0.2),
                candidate("b", "Tent care", 0.57, 0.1, 0.05, 0.19)));
        assertThat(decided.verdict()).isEqualTo(Verdict.ABSTAIN);
        assertThat(decided.worthAModel(decision)).isFalse();
    }

    @Test
    void aQuestionNearTheKnowledgeButNotAnsweredGoesToAModel() {
        var decided = decision.decide(List.of(candidate("a", "Shipping costs", 0.80, 0.5, 0.5, 0.30),
                candidate("b", "Shipping times", 0.79, 0.5, 0.5, 0.29), candidate("c", "International", 0.78, 0.5, 0.5, 0.28)));
        assertThat(decided.verdict()).isNotEqualTo(Verdict.ANSWER);
        assertThat(decided.worthAModel(decision)).isTrue();
    }

    private static Candidate candidate(String id, String title, double similarity, double coverage, double weighted,
            double score) {
        return new Candidate(new Passage(id, title, List.of(), "text", score, similarity), similarity, coverage, weighted,
                weighted > 0.5 ? 2 : 6);
    }
}
