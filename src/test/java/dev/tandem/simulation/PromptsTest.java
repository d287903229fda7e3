package dev.tandem.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulated customer reads the demo procedures' questions in every language they are written in:
 * this keeps {@code simulation/phrases.yml} in step with {@code procedures/messages*.properties}.
 */
class PromptsTest {

    private static final Map<String, String> ASKS = Map.ofEntries(Map.entry("ask.email", "email"),
            Map.entry("ask.order_number", "order_number"), Map.entry("ask.gift_card", "gift_card"),
            Map.entry("ask.amount", "amount"), Map.entry("ask.new_address", "new_address"),
            Map.entry("verify.code-sent", "code"), Map.entry("invalid.code", "code"), Map.entry("invalid.email", "email"),
            Map.entry("invalid.order-number", "order_number"), Map.entry("invalid.gift-card", "gift_card"),
            Map.entry("giftcard.not-found", "gift_card"), Map.entry("invalid.amount", "amount"),
            Map.entry("invalid.address", "new_address"));

    @ParameterizedTest
    @ValueSource(strings = { "", "_es", "_fr" })
    void everyQuestionOfTheDemoProceduresIsRecognised(String language) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("procedures/messages" + language + ".properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        ASKS.forEach((key, fact) -> assertThat(Prompts.shipped().askedFor(texts.getProperty(key).replace("${email}",
                "ada@example.com")))
            .as(key + language).contains(fact));
        for (String done : new String[] { "order.shipped", "refund.done", "giftcard.balance", "address.done" }) {
            assertThat(Prompts.shipped().askedFor(texts.getProperty(done).replace("${email}", "ada@example.com"))
                .filter(f -> !f.equals("email")))
                .as(done + language + " asks nothing").isEmpty();
        }
    }

    @Test
    void anOfferOfAPersonAndAnApprovalAreRecognised() {
        assertThat(Prompts.shipped().offersPerson("Sorry that didn't help. Would you like to talk to a person? Just say yes"))
            .isTrue();
        assertThat(Prompts.shipped().offersPerson("Lo siento, no sé la respuesta. ¿Quieres hablar con una persona?")).isTrue();
        assertThat(Prompts.shipped().offersPerson("Here is what our help article says")).isFalse();
        assertThat(Prompts.shipped().waitsForPerson("Your refund of $120.00 for order NW-1005 needs a quick check by a "
                + "team member first.")).isTrue();
        assertThat(Prompts.shipped().line("accept", "de")).isEqualTo("ja, bitte");
        assertThat(Prompts.shipped().line("accept", "xx")).isEqualTo("yes please");
    }
}
