package dev.tandem.understanding;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a set of intent examples must satisfy before it is worth training: checked on upload, so
 * the admin hears about a problem at once rather than from a failed training minutes later.
 */
final class IntentRules {

    static final int MIN_LABELS = 2;
    /** Fewer cannot generalise, and leave nothing to hold out for the accuracy and the threshold. */
    static final int MIN_EXAMPLES_PER_LABEL = 5;
    static final int MAX_EXAMPLES = 50_000;
    static final int MAX_TEXT = 2000;
    static final int MAX_LABEL = 100;

    /** Labels that mean "none of our intents" (CLINC150 calls it {@code oos}). */
    static final List<String> OUT_OF_SCOPE_LABELS = List.of("oos", "out_of_scope");

    private IntentRules() {
    }

    /** @throws IntentCsv.InvalidCsv naming every rule the examples break */
    static void check(List<IntentExample> examples) {
        if (examples.size() > MAX_EXAMPLES) {
            throw new IntentCsv.InvalidCsv("at most " + MAX_EXAMPLES + " examples, the file has " + examples.size());
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            IntentExample example = examples.get(i);
            if (example.text().length() > MAX_TEXT) {
                throw new IntentCsv.InvalidCsv("example " + (i + 1) + ": a text may have at most " + MAX_TEXT
                        + " characters");
            }
            if (example.label().length() > MAX_LABEL) {
                throw new IntentCsv.InvalidCsv("example " + (i + 1) + ": a label may have at most " + MAX_LABEL
                        + " characters");
            }
            counts.merge(example.label(), 1, Integer::sum);
        }
        long intents = counts.keySet().stream().filter(label -> outOfScopeLabel(label) == null).count();
        if (intents < MIN_LABELS) {
            throw new IntentCsv.InvalidCsv("at least " + MIN_LABELS + " intent labels are needed, the file has "
                    + intents);
        }
        List<String> tooFew = counts.entrySet().stream().filter(e -> e.getValue() < MIN_EXAMPLES_PER_LABEL)
            .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        if (!tooFew.isEmpty()) {
            throw new IntentCsv.InvalidCsv("every label needs at least " + MIN_EXAMPLES_PER_LABEL
                    + " examples; too few: " + String.join(", ", tooFew.subList(0, Math.min(10, tooFew.size())))
                    + (tooFew.size() > 10 ? " and " + (tooFew.size() - 10) + " more" : ""));
        }
    }

    /** The out-of-scope label among these examples, or null. */
    static String outOfScopeLabel(List<IntentExample> examples) {
        return examples.stream().map(IntentExample::label).map(IntentRules::outOfScopeLabel)
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String outOfScopeLabel(String label) {
        return OUT_OF_SCOPE_LABELS.contains(label.toLowerCase(Locale.ROOT)) ? label : null;
    }
}
