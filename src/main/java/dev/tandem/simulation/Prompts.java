package dev.tandem.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a customer recognises in the assistant's questions (which of their facts it asks for) and what they
 * say in their language when they do not have it: {@code simulation/phrases.yml}. A scripted customer reads
 * the question as a person would, by its words, not by any field of the API.
 */
final class Prompts {

    private static final Prompts SHIPPED = load("simulation/phrases.yml");

    private final Map<String, List<Pattern>> asks;
    private final List<Pattern> waits;
    private final List<Pattern> offersPerson;
    private final Map<String, Map<String, String>> lines;

    private Prompts(Map<String, List<Pattern>> asks, List<Pattern> waits, List<Pattern> offersPerson,
            Map<String, Map<String, String>> lines) {
        this.asks = asks;
        this.waits = waits;
        this.offersPerson = offersPerson;
        this.lines = lines;
    }

    /** The assistant offers to pass the customer to a person (they accept with {@code yes}). */
    boolean offersPerson(String text) {
        String plain = Judge.normalise(text);
        return offersPerson.stream().anyMatch(p -> p.matcher(plain).find());
    }

    static Prompts shipped() {
        return SHIPPED;
    }

    /** The fact the message asks for, in the order of the file (the first that matches). */
    Optional<String> askedFor(String text) {
        String plain = Judge.normalise(text);
        return asks.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(p -> p.matcher(plain).find()))
            .map(Map.Entry::getKey)
            .findFirst();
    }

    /** The assistant has passed a request to a person and will come back: nothing to answer now. */
    boolean waitsForPerson(String text) {
        String plain = Judge.normalise(text);
        return waits.stream().anyMatch(p -> p.matcher(plain).find());
    }

    /** A line the customer says ({@code dont_have}, {@code no_code}), in their language or else English. */
    String line(String key, String language) {
        Map<String, String> texts = lines.getOrDefault(key, Map.of());
        return texts.getOrDefault(language, texts.getOrDefault("en", key));
    }

    @SuppressWarnings("unchecked")
    private static Prompts load(String resource) {
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, List<Pattern>> asks = new LinkedHashMap<>();
            ((Map<String, List<String>>) root.get("asks")).forEach((fact, patterns) -> {
                List<Pattern> compiled = new ArrayList<>();
                patterns.forEach(p -> compiled.add(Pattern.compile(p)));
                asks.put(fact, List.copyOf(compiled));
            });
            List<Pattern> waits = ((List<String>) root.get("waits")).stream().map(Pattern::compile).toList();
            List<Pattern> offers = ((List<String>) root.get("offers_person")).stream().map(Pattern::compile).toList();
            return new Prompts(asks, waits, offers, (Map<String, Map<String, String>>) root.get("lines"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
