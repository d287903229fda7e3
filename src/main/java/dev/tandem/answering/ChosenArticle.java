package dev.tandem.answering;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tandem.conversation.Citation;

/**
 * Which of the articles the assistant offered a customer's reply picks: the widget posts the title of
 * the button clicked; a customer who types may write the title, or "1", "2", "3" (also "the first",
 * "the second", "the third"). Anything else is a new question.
 */
final class ChosenArticle {

    private static final List<List<String>> ORDINALS = List.of(
            List.of("1", "first", "the first", "first one", "the first one"),
            List.of("2", "second", "the second", "second one", "the second one"),
            List.of("3", "third", "the third", "third one", "the third one"));

    private ChosenArticle() {
    }

    /** The article of {@code offered} that {@code reply} chooses. */
    static Optional<Citation> in(List<Citation> offered, String reply) {
        String said = normalised(reply);
        for (Citation choice : offered) {
            if (normalised(choice.title()).equals(said)) {
                return Optional.of(choice);
            }
        }
        for (int i = 0; i < Math.min(offered.size(), ORDINALS.size()); i++) {
            if (ORDINALS.get(i).contains(said)) {
                return Optional.of(offered.get(i));
            }
        }
        return Optional.empty();
    }

    private static String normalised(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}“”‘’«»„]+$", "")
            .replaceAll("^[\\s\\p{Punct}“”‘’«»„]+", "").replaceAll("\\s+", " ");
    }
}
