package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

import dev.tandem.knowledge.HybridIndex.Hit;
import dev.tandem.knowledge.RetrievalSettings.Fusion;

/** Fusion and filtering on hand-made two-dimensional vectors: no model needed. */
class HybridIndexTest {

    private static Chunk chunk(String id, String text, boolean internal) {
        return new Chunk(id, "About " + id, List.of(), text, internal);
    }

    private static float[] unit(double angle) {
        return new float[] { (float) Math.cos(angle), (float) Math.sin(angle) };
    }

    // Dense prefers a, then b, then c; only c contains the query's words.
    private final HybridIndex index = HybridIndex.build(
            List.of(chunk("a", "parcel tracking number", false), chunk("b", "opening hours", false),
                    chunk("c", "refund for a damaged parcel", false), chunk("d", "refund secrets", true)),
            List.of(unit(0), unit(0.1), unit(0.3), unit(0)), new int[] { 0, 1, 2, 3 }, new EnglishAnalyzer());

    private final float[] query = unit(0);

    private List<Integer> ranking(SearchMode mode, RetrievalSettings settings, boolean internal) {
        return index.search("refund damaged", query, internal, mode, settings, 10).stream().map(Hit::chunk).toList();
    }

    @Test
    void componentsRankOnTheirOwn() {
        assertThat(ranking(SearchMode.DENSE, RetrievalSettings.CHOSEN, false)).containsExactly(0, 1, 2);
        assertThat(ranking(SearchMode.BM25, RetrievalSettings.CHOSEN, false)).containsExactly(2);
    }

    @Test
    void scoreFusionLetsAStrongLexicalMatchOvertakeCloseDenseScores() {
        // cos(0.3) = 0.955: 0.045 behind a, so a BM25 weight above that lifts c to the top
        assertThat(ranking(SearchMode.HYBRID, RetrievalSettings.CHOSEN.with(Fusion.SCORE_MAX, 60, 0.1), false))
            .containsExactly(2, 0, 1);
        assertThat(ranking(SearchMode.HYBRID, RetrievalSettings.CHOSEN.with(Fusion.SCORE_MAX, 60, 0.01), false))
            .containsExactly(0, 1, 2);
    }

    @Test
    void reciprocalRankFusionAddsWeightedReciprocalRanks() {
        // k = 1: a = 1/2, b = 1/3, c = 1/4 + w/2
        assertThat(ranking(SearchMode.HYBRID, RetrievalSettings.CHOSEN.with(Fusion.RRF, 1, 1), false))
            .containsExactly(2, 0, 1);
        assertThat(ranking(SearchMode.HYBRID, RetrievalSettings.CHOSEN.with(Fusion.RRF, 1, 0.1), false))
            .containsExactly(0, 1, 2);
    }

    @Test
    void internalChunksOnlyWhenAsked() {
        for (SearchMode mode : SearchMode.values()) {
            assertThat(ranking(mode, RetrievalSettings.CHOSEN, false)).doesNotContain(3);
        }
        assertThat(ranking(SearchMode.BM25, RetrievalSettings.CHOSEN, true)).contains(3);
        assertThat(ranking(SearchMode.DENSE, RetrievalSettings.CHOSEN, true)).contains(3);
    }

    @Test
    void aChunkScoresByTheBestOfItsVectors() {
        HybridIndex twoVectors = HybridIndex.build(List.of(chunk("a", "x", false), chunk("b", "y", false)),
                List.of(unit(1), unit(0.5), unit(0.2)), new int[] { 0, 1, 0 }, new EnglishAnalyzer());

        double[] scores = twoVectors.dense(unit(0), false);

        assertThat(scores[0]).isCloseTo(Math.cos(0.2), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void typosAreReadAsTheClosestWordOfTheArticlesAndOtherWordsAreLeftAlone() {
        HybridIndex shop = HybridIndex.build(
                List.of(chunk("returns", "You can return an item within 30 days. Put your password in the form.", false),
                        chunk("care", "Wash your fleece in a washing machine at 30 degrees.", false)),
                List.of(unit(0), unit(1)), new int[] { 0, 1 }, new EnglishAnalyzer());

        assertThat(shop.spelledLikeTheArticles("how do i retrun my fleece? i forgot my pasword"))
            .isEqualTo("how do i return my fleece? i forgot my password");
        assertThat(shop.spelledLikeTheArticles("can it go in the washing machien"))
            .isEqualTo("can it go in the washing machine");
        assertThat(shop.spelledLikeTheArticles("do you take amex or bitcoin, Ada?"))
            .as("short words, words of another trade and names stay").isEqualTo("do you take amex or bitcoin, Ada?");
    }
}
