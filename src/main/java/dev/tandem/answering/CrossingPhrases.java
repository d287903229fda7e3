package dev.tandem.answering;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the assistant says when it answers a question from an article in another language, per language, from
 * {@code answering/crossing_<language>.properties}: it says so rather than pretend the article speaks the
 * customer's language.
 *
 * @param answerIntroFromEnglish introduces an answer quoted from an English article; {@code %s} is its title
 */
record CrossingPhrases(String answerIntroFromEnglish) {

    static CrossingPhrases in(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("answering.crossing",
                Locale.forLanguageTag(language == null ? Phrases.DEFAULT_LANGUAGE : language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new CrossingPhrases(bundle.getString("answerIntroFromEnglish"));
    }
}
