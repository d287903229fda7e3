package dev.tandem.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The notice that a person is checking the reply, in every language the assistant speaks, and the languages in step. */
class ReviewNoticeTest {

    @Test
    void theNoticeExistsInEveryLanguageOfTheAssistant() {
        for (String language : List.of("en", "de", "fr", "es", "it", "nl", "pt")) {
            assertThat(Files.exists(Path.of("src/main/resources/review/messages" + (language.equals("en") ? "" : "_" + language)
                    + ".properties"))).as(language).isTrue();
            ResourceBundle bundle = ResourceBundle.getBundle("review.messages", Locale.forLanguageTag(language));
            assertThat(bundle.keySet()).as(language).isEqualTo(Set.of("held-notice"));
            assertThat(ReviewQueue.notice(language)).as(language).isNotBlank();
        }
        assertThat(ReviewQueue.notice("de")).contains("Team");
        assertThat(ReviewQueue.notice("sv")).as("English when the language has none").isEqualTo(ReviewQueue.notice("en"));
    }
}
