package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the embedded assistant quotes from a passage: the part that answers, in the article's own words. */
class ExtractiveAnswerTest {

    private static final String SHIPPING = """
            Express shipping is available everywhere we deliver. It arrives in 1–2 business days in the US.

            | Destination | Standard | Express |
            |---|---|---|
            | US (contiguous 48 states) | $5.95 | $14.95 |
            | Canada | $9.95 | $24.95 |
            """;

    @Test
    void aPriceIsQuotedFromTheTableRowWithItsHeadings() {
        assertThat(ExtractiveAnswer.from(SHIPPING, "How much is express delivery to Canada?", "en"))
            .isEqualTo("Canada: Standard $9.95; Express $24.95");
    }

    @Test
    void aQuestionOfHowLongGetsTheSentenceWithTheTime() {
        assertThat(ExtractiveAnswer.from(SHIPPING, "how long does express take in the us", "en"))
            .contains("1–2 business days");
    }

    @Test
    void aQuestionOfHowMuchPrefersTheSentenceWithTheAmount() {
        String returns = """
                You can return most items within 60 days of delivery. Start the return online in your account.
                A prepaid return label costs $6.95 in the US, deducted from your refund.
                """;
        assertThat(ExtractiveAnswer.from(returns, "how much is the return label?", "en")).contains("$6.95");
    }
}
