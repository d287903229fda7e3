package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A question as the knowledge sees it: without the details a customer adds about themselves. */
class CustomerDetailsTest {

    private static final String QUESTION = "How long does delivery to Canada take?";

    @ParameterizedTest
    @ValueSource(strings = { " My email is ada.lovelace@example.org", " my email: ada@example.org",
            "\nOrder number NW-204518.", " Order #88812", " (order #88812, ada@example.org)",
            " My phone is +1 415 555 0134", " You can reach me at 07700 900123.", " ada.lovelace@example.org",
            " Ref 1Z999AA10123456784" })
    void detailsAfterTheQuestionAreLeftOut(String details) {
        assertThat(CustomerDetails.removedFrom(QUESTION + details)).isEqualTo(QUESTION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Where is order NW-204518? It's late|Where is order? It's late",
        "can I change the email ada@example.org on my account|can I change the email on my account",
        "Hi, I ordered a tent last week (order 55123). Can I still return it?|Hi, I ordered a tent last week. Can I still return it?" })
    void aDetailInsideTheQuestionIsCutOutAndTheQuestionKept(String message, String question) {
        assertThat(CustomerDetails.removedFrom(message)).isEqualTo(question);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Do you ship to Canada?", "Is shipping free over $75?", "Can I return it after 60 days?",
            "How do I reset my password?", "Do you take Apple Pay or Google Pay?" })
    void aQuestionWithoutDetailsIsUnchanged(String question) {
        assertThat(CustomerDetails.removedFrom(question)).isEqualTo(question);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ada@example.org", "NW-204518" })
    void aMessageOfNothingButDetailsIsKeptAsSent(String message) {
        assertThat(CustomerDetails.removedFrom(message)).isEqualTo(message);
    }
}
