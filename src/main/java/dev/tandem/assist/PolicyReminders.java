package dev.tandem.assist;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import dev.tandem.understanding.Entity;
import dev.tandem.understanding.MatchableText;

/**
 * Policy reminders from a YAML file ({@code tandem.assist.policies}; the shipped one says the format):
 * each rule matches a customer message by keyword, intent or entity type, optionally only above an amount.
 */
final class PolicyReminders {

    record Rule(String id, String text, List<String> keywords, List<String> intents, List<String> entities,
            BigDecimal amountOver) {
    }

    private final List<Rule> rules;

    PolicyReminders(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static PolicyReminders read(InputStream yaml) throws IOException {
        Object root = new Yaml().load(yaml);
        List<Rule> rules = new ArrayList<>();
        if (root instanceof Map<?, ?> map && map.get("rules") instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> rule) || !(rule.get("text") instanceof String text)) {
                    throw new IOException("every policy rule needs a text: " + item);
                }
                Object over = rule.get("amountOver");
                rules.add(new Rule(String.valueOf(rule.get("id")), text, strings(rule.get("keywords")),
                        strings(rule.get("intents")), strings(rule.get("entities")),
                        over == null ? null : new BigDecimal(over.toString())));
            }
        }
        return new PolicyReminders(rules);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** Lower case, accents folded, punctuation as spaces: "Refund?!" holds the word "refund". */
    private static String words(String text) {
        return MatchableText.of(text == null ? "" : text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The texts of the rules the message matches, in file order. */
    List<String> matching(String message, String intent, List<Entity> entities) {
        String matchable = " " + words(message) + " ";
        List<String> reminders = new ArrayList<>();
        for (Rule rule : rules) {
            boolean matches = rule.keywords().stream()
                .anyMatch(keyword -> matchable.contains(" " + words(keyword) + " "))
                    || intent != null && rule.intents().contains(intent)
                    || entities.stream().anyMatch(entity -> rule.entities().contains(entity.type().name()));
            if (matches && rule.amountOver() != null) {
                matches = entities.stream()
                    .anyMatch(entity -> entity.amount().filter(a -> a.compareTo(rule.amountOver()) > 0).isPresent());
            }
            if (matches) {
                reminders.add(rule.text());
            }
        }
        return reminders;
    }
}
