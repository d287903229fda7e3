package dev.tandem.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The abuse word list of {@code guardrails/abuse-words.yml}. Signals: how many strong and how many mild
 * terms the message has, and whether it addresses someone ("you", "your") — abuse is mostly aimed at the
 * one who reads it.
 */
final class AbuseLexicon implements Signals {

    static final String RESOURCE = "guardrails/abuse-words.yml";
    private static final Pattern ADDRESSED = Pattern.compile("\\b(you|your|you're|youre|ur|u|yourself)\\b");

    private final Pattern strong;
    private final Pattern mild;

    private AbuseLexicon(Pattern strong, Pattern mild) {
        this.strong = strong;
        this.mild = mild;
    }

    @SuppressWarnings("unchecked")
    static AbuseLexicon bundled() {
        Map<String, Object> yaml = InjectionRules.Yamls.read(RESOURCE);
        return new AbuseLexicon(pattern((List<String>) yaml.get("strong")), pattern((List<String>) yaml.get("mild")));
    }

    private static Pattern pattern(List<String> terms) {
        List<String> alternatives = new ArrayList<>();
        for (String term : terms) {
            String t = term.strip().toLowerCase(java.util.Locale.ROOT);
            boolean prefix = t.endsWith("*");
            String words = Pattern.quote(prefix ? t.substring(0, t.length() - 1) : t).replace(" ", "\\E\\s+\\Q");
            alternatives.add(words + (prefix ? "\\p{L}*" : ""));
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
    }

    @Override
    public int size() {
        return 3;
    }

    @Override
    public Reading read(String normalised) {
        String text = TextNormaliser.deLeet(normalised);
        List<String> strongTerms = matches(strong, text);
        List<String> mildTerms = matches(mild, text);
        double[] values = {Math.min(3, strongTerms.size()), Math.min(3, mildTerms.size()),
                ADDRESSED.matcher(text).find() ? 1 : 0};
        List<String> matched = new ArrayList<>();
        strongTerms.forEach(t -> matched.add("strong-term"));
        mildTerms.forEach(t -> matched.add("mild-term"));
        return new Reading(values, strongTerms.isEmpty() ? List.of() : List.of("abusive-language"),
                matched.stream().distinct().toList());
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        var m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
