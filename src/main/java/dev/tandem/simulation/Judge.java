package dev.tandem.simulation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tandem.simulation.WidgetConversation.Citation;
import dev.tandem.simulation.WidgetConversation.Message;

/**
 * The customer's judgement of a reply, the same whoever plays the customer: a reply meets the goal when it
 * cites one of the goal's articles (when it names any) and holds every one of its facts. Facts are compared
 * without case, accents or spacing differences, so "9,95" must be written as an alternative ("9.95|9,95").
 */
final class Judge {

    private final Scenario.Goal goal;

    Judge(Scenario.Goal goal) {
        this.goal = goal;
    }

    /** An answer from the knowledge base: cites an article, and is not an offer of choices. */
    static boolean isAnswer(Message message) {
        return message.fromAssistant() && !message.citations().isEmpty() && !message.kind().equals("CHOICES");
    }

    static boolean isChoices(Message message) {
        return message.fromAssistant() && message.kind().equals("CHOICES") && !message.citations().isEmpty();
    }

    boolean meetsGoal(Message message) {
        if (!message.fromAssistant() || message.kind().equals("CHOICES")) {
            return false;
        }
        if (goal.articles().isEmpty() && goal.facts().isEmpty()) {
            return false;
        }
        return citesExpected(message) && missingFacts(message).isEmpty();
    }

    /** Why a reply does not meet the goal, in words for the report. */
    String whyNot(Message message) {
        if (goal.articles().isEmpty() && goal.facts().isEmpty()) {
            return "answered from " + message.citations().stream().map(Citation::article).toList()
                    + ", though the customer's question is not one the knowledge base answers";
        }
        List<String> reasons = new ArrayList<>();
        if (!citesExpected(message)) {
            reasons.add("cited " + message.citations().stream().map(Citation::article).toList() + ", expected one of "
                    + goal.articles());
        }
        List<String> missing = missingFacts(message);
        if (!missing.isEmpty()) {
            reasons.add("missing " + missing);
        }
        return reasons.isEmpty() ? "no goal to meet" : String.join("; ", reasons);
    }

    /** Among the articles offered, the one the customer's goal names. */
    Optional<Citation> choose(Message choices) {
        return choices.citations().stream().filter(c -> goal.articles().contains(c.article())).findFirst();
    }

    /**
     * A person's reply, which has no citations: it meets the goal when it holds every goal fact, or, for a goal of
     * articles only, when it links one of them ({@code /help/slug}). A person who gives the right price has helped,
     * whichever page they read it on.
     */
    boolean metInWords(String text) {
        if (!goal.facts().isEmpty()) {
            return missingFacts(text).isEmpty();
        }
        String plain = normalise(text);
        return goal.articles().stream().anyMatch(slug -> plain.contains("/help/" + slug.toLowerCase(Locale.ROOT)));
    }

    /** The goal facts a person's reply still lacks (empty when it has them all, or the goal has none). */
    List<String> missingFacts(String text) {
        String plain = normalise(text);
        return goal.facts().stream().filter(fact -> {
            for (String alternative : fact.split("\\|")) {
                if (!alternative.isBlank() && plain.contains(normalise(alternative))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    private boolean citesExpected(Message message) {
        return goal.articles().isEmpty() || message.citations().stream().anyMatch(c -> goal.articles().contains(c.article()));
    }

    private List<String> missingFacts(Message message) {
        return missingFacts(message.text());
    }

    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replace('\u2013', '-').replace('\u2014', '-').replaceAll("\\s+", " ").strip();
    }
}
