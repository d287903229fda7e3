package dev.tandem.answering;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the assistant says when it offers articles to choose from and when a customer answers "Did
 * this answer your question?", per language, from {@code answering/choices_<language>.properties}
 * (English for a language without its file).
 *
 * @param offer introduces the articles offered as choices
 * @param thanks after a "yes, that helped"
 * @param notHelpful after a "no", with the offer of a person
 * @param notHelpfulWithChoices after a "no" when other articles fit: offered again, with the offer of a person
 */
record ChoicePhrases(String offer, String thanks, String notHelpful, String notHelpfulWithChoices) {

    static ChoicePhrases in(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("answering.choices",
                Locale.forLanguageTag(language == null ? Phrases.DEFAULT_LANGUAGE : language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new ChoicePhrases(bundle.getString("offer"), bundle.getString("thanks"), bundle.getString("notHelpful"),
                bundle.getString("notHelpfulWithChoices"));
    }
}
