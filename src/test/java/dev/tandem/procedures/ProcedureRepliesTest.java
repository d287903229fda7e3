package dev.tandem.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every language has every text the procedures say, with the same values in it. */
class ProcedureRepliesTest {

    @Test
    void everyLanguageHasEveryTextWithTheSameValues() throws IOException {
        Properties english = load("procedures/messages.properties");
        for (String language : Replies.LANGUAGES) {
            if (language.equals("en")) {
                continue;
            }
            Properties other = load("procedures/messages_" + language + ".properties");
            assertThat(other.stringPropertyNames()).as(language).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(other.getProperty(key))).as(language + " " + key)
                    .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void repliesComeInTheCustomersLanguageWithTheirValues() {
        var replies = new Replies();
        assertThat(replies.text("giftcard.balance", "es", Map.of("gift_card", "GC-4417-2291", "balance", new BigDecimal("25"))))
            .isEqualTo("A tu tarjeta regalo GC-4417-2291 le quedan $25.00. ¿Algo más?");
        assertThat(replies.text("order.not-found", "de", Map.of("order_number", "NW-1"))).as("English when a language has none")
            .startsWith("I couldn't find order NW-1");
        assertThat(replies.isCancel("never mind", "fr")).isTrue();
        assertThat(replies.isCancel("olvidalo", "es")).isTrue();
        assertThat(replies.isCancel("12 rue de la paix, paris", "fr")).isFalse();
    }

    private static List<String> placeholders(String text) {
        return Pattern.compile("\\$\\{[a-z_]+}").matcher(text).results().map(MatchResult::group).sorted().toList();
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
