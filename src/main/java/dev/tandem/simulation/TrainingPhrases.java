package dev.tandem.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The training sandbox's words, {@code simulation/training.yml}: what the rubric recognises in an agent's message,
 * and what the simulated customer says, per language.
 */
final class TrainingPhrases {

    private static final TrainingPhrases SHIPPED = load("simulation/training.yml");

    private final Map<String, List<Pattern>> patterns;
    private final Map<String, Map<String, String>> lines;

    private TrainingPhrases(Map<String, List<Pattern>> patterns, Map<String, Map<String, String>> lines) {
        this.patterns = patterns;
        this.lines = lines;
    }

    static TrainingPhrases shipped() {
        return SHIPPED;
    }

    /** The first piece of {@code text} one of the group's patterns finds, e.g. the words that greeted. */
    Optional<String> find(String group, String text) {
        String plain = Judge.normalise(text);
        for (Pattern pattern : patterns.getOrDefault(group, List.of())) {
            var matcher = pattern.matcher(plain);
            if (matcher.find()) {
                String found = matcher.group().strip();
                // quoted as the person wrote it, where the plain form maps back (no accents in it)
                int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(found);
                return Optional.of(at >= 0 ? text.substring(at, at + found.length()) : found);
            }
        }
        return Optional.empty();
    }

    boolean matches(String group, String text) {
        return find(group, text).isPresent();
    }

    String line(String key, String language) {
        Map<String, String> texts = lines.getOrDefault(key, Map.of());
        return texts.getOrDefault(language, texts.getOrDefault("en", key));
    }

    @SuppressWarnings("unchecked")
    private static TrainingPhrases load(String resource) {
        try (InputStream in = TrainingPhrases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
            ((Map<String, List<String>>) root.get("rubric")).forEach((group, list) -> patterns.put(group,
                    list.stream().map(Pattern::compile).toList()));
            return new TrainingPhrases(patterns, (Map<String, Map<String, String>>) root.get("lines"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
