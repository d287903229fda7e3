package dev.tandem.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentAnalysisTest {

    private final SentimentAnalysis sentiment = new SentimentAnalysis();

    @Test
    void angerIsFrustrationWithItsWords() {
        Sentiment angry = sentiment.analyse("This is ridiculous, I'm so angry. Three weeks and still nothing!!");
        assertThat(angry.frustration()).isGreaterThan(0.8);
        assertThat(angry.polarity()).isNegative();
        assertThat(angry.cues()).contains("ridiculous", "so angry", "!!");
    }

    @Test
    void shoutingCounts() {
        assertThat(sentiment.analyse("WHERE IS MY ORDER").frustration()).isGreaterThanOrEqualTo(0.6);
        assertThat(sentiment.analyse("Is the URGENT shipping option faster?").frustration()).isZero();
    }

    @Test
    void praiseIsCalmButSarcasmIsNot() {
        Sentiment thanks = sentiment.analyse("Thanks!! That solved it, great help");
        assertThat(thanks.frustration()).isZero();
        assertThat(thanks.polarity()).isPositive();

        Sentiment sarcastic = sentiment.analyse("Great job guys, third parcel lost this year 👍");
        assertThat(sarcastic.frustration()).isGreaterThan(0.6);
        assertThat(sarcastic.cues()).contains("sarcasm");
    }

    @Test
    void everySupportedLanguageHasItsWords() {
        assertThat(sentiment.analyse("Es inaceptable, estoy harta").frustration()).isGreaterThan(0.6);
        assertThat(sentiment.analyse("C'est inadmissible, j'en ai marre").frustration()).isGreaterThan(0.6);
        assertThat(sentiment.analyse("Das ist eine Frechheit, ich bin wütend").frustration()).isGreaterThan(0.6);
        assertThat(sentiment.analyse("Isso é ridículo, estou farto").frustration()).isGreaterThan(0.6);
        assertThat(sentiment.analyse("È inaccettabile, sono arrabbiato").frustration()).isGreaterThan(0.6);
        assertThat(sentiment.analyse("Dit is belachelijk, ik ben het zat").frustration()).isGreaterThan(0.6);
    }

    @Test
    void frustrationAimedElsewhereOrLaughedOffWeighsLess() {
        double atUs = sentiment.analyse("I'm so frustrated with these boots").frustration();
        double elsewhere = sentiment.analyse("I'm so frustrated with my old boots from another brand").frustration();
        assertThat(elsewhere).isLessThan(atUs / 1.5);
        assertThat(sentiment.analyse("sick of this rain haha").frustration()).isLessThan(0.4);
    }

    @Test
    void nothingToReadIsNeutral() {
        assertThat(sentiment.analyse("")).isEqualTo(Sentiment.NEUTRAL);
        assertThat(sentiment.analyse(null)).isEqualTo(Sentiment.NEUTRAL);
        assertThat(sentiment.analyse("Where can I find my order number?").frustration()).isZero();
    }
}
