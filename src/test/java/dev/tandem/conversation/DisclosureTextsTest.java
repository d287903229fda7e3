package dev.tandem.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The customer always learns that they talk to an AI, in their language: every language has its own disclosure, the
 * configuration replaces it per language and an inbox's own text comes first.
 */
class DisclosureTextsTest {

    @ParameterizedTest
    @ValueSource(strings = { "es", "fr", "de", "pt", "it", "nl" })
    void everyLanguageHasItsOwnDisclosureWithTheKeysOfTheEnglishOne(String language) throws IOException {
        Properties english = load("conversation/disclosure.properties");
        Properties other = load("conversation/disclosure_" + language + ".properties");
        assertThat(other.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        other.stringPropertyNames().forEach(key -> assertThat(other.getProperty(key)).as(key).isNotBlank()
            .isNotEqualTo(english.getProperty(key)));
        assertThat(AiDisclosure.shipped(language)).isEqualTo(other.getProperty("ai-disclosure"));
    }

    @Test
    void theShippedLanguagesAreTheOnesListed() {
        for (String language : AiDisclosure.LANGUAGES) {
            assertThat(AiDisclosure.class.getClassLoader().getResource(language.equals("en")
                    ? "conversation/disclosure.properties" : "conversation/disclosure_" + language + ".properties"))
                .as(language).isNotNull();
        }
    }

    @Test
    void aLanguageWithoutItsOwnTextGetsEnglish() {
        assertThat(AiDisclosure.shipped("sv")).isEqualTo(AiDisclosure.shipped("en")).contains("AI");
        assertThat(new AiDisclosure(List.of(), new AiDisclosure.Properties(null)).text(null, null))
            .isEqualTo(AiDisclosure.shipped("en"));
    }

    @Test
    void theConfigurationReplacesAShippedTextAndAnInboxsOwnComesFirst() {
        UUID fromInbox = UUID.randomUUID();
        AiDisclosure.Override inbox = (conversation, language) -> conversation.equals(fromInbox) && language.equals("de")
                ? Optional.of("Hier antwortet Ihnen unser KI-Assistent.") : Optional.empty();
        var disclosure = new AiDisclosure(List.of(inbox),
                new AiDisclosure.Properties(Map.of("de", "Sie schreiben mit einer KI.")));

        assertThat(disclosure.text("de", fromInbox)).isEqualTo("Hier antwortet Ihnen unser KI-Assistent.");
        assertThat(disclosure.text("de", UUID.randomUUID())).isEqualTo("Sie schreiben mit einer KI.");
        assertThat(disclosure.text("fr", fromInbox)).isEqualTo(AiDisclosure.shipped("fr"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DisclosureTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
