package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language the assistant speaks has every text of the choices, the feedback and answers from other languages. */
class ChoicePhrasesTest {

    @ParameterizedTest
    @ValueSource(strings = { "es", "fr", "de", "pt", "it", "nl" })
    void everyLanguageHasTheKeysOfTheEnglishTexts(String language) throws IOException {
        Properties english = load("answering/choices.properties");
        Properties other = load("answering/choices_" + language + ".properties");
        assertThat(other.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        other.stringPropertyNames().forEach(key -> assertThat(other.getProperty(key)).as(key).isNotBlank()
            .isNotEqualTo(english.getProperty(key)));
        assertThat(Phrases.speaks(language)).isTrue();
        assertThat(ChoicePhrases.in(language).offer()).isEqualTo(other.getProperty("offer"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "es", "fr", "de", "pt", "it", "nl" })
    void everyLanguageSaysWhenAnAnswerComesFromAnEnglishArticle(String language) throws IOException {
        Properties english = load("answering/crossing.properties");
        Properties other = load("answering/crossing_" + language + ".properties");
        assertThat(other.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(CrossingPhrases.in(language).answerIntroFromEnglish())
            .isEqualTo(other.getProperty("answerIntroFromEnglish"))
            .isNotEqualTo(english.getProperty("answerIntroFromEnglish"))
            .contains("%s");
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "sv" })
    void englishAndLanguagesWithoutTextsGetTheEnglishOnes(String language) throws IOException {
        assertThat(ChoicePhrases.in(language).offer()).isEqualTo(load("answering/choices.properties").getProperty("offer"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ChoicePhrasesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
