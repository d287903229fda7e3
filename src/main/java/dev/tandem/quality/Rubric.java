package dev.tandem.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A version of the quality rubric: its items, read from YAML ({@code quality/rubric.yml} is version 0).
 *
 * @param yaml the text it was read from, kept so that an admin edits what was saved
 */
public record Rubric(int version, String yaml, List<Item> items) {

    static final String RESOURCE = "quality/rubric.yml";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,40}");

    /** Whose turns an item judges. */
    public enum AppliesTo {
        AGENT, AI, BOTH;

        boolean agents() {
            return this != AI;
        }

        boolean ai() {
            return this != AGENT;
        }
    }

    public record Item(String name, String definition, double weight, AppliesTo appliesTo) {
    }

    /** A rubric that cannot be read, with the reason in words and the line (0 when unknown). */
    static final class Invalid extends RuntimeException {

        private final int line;

        Invalid(String message, int line) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    public Rubric {
        items = List.copyOf(items);
    }

    public Optional<Item> item(String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return items.stream().map(Item::name).toList();
    }

    static Rubric bundled() {
        try (InputStream in = Rubric.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return read(0, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates {@code yaml}; {@link Invalid} says what is wrong. */
    static Rubric read(int version, String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new Invalid("The rubric is empty.", 0);
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            throw new Invalid("Not valid YAML: " + e.getProblem() + ".", e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1);
        } catch (YAMLException e) {
            throw new Invalid("Not valid YAML: " + e.getMessage(), 0);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("items") instanceof List<?> list) || list.isEmpty()) {
            throw new Invalid("The rubric needs a non-empty list under 'items'.", 0);
        }
        List<Item> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int position = 0;
        for (Object entry : list) {
            position++;
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new Invalid("Item " + position + " is not a mapping with name, definition, weight and applies_to.", 0);
            }
            String name = text(fields.get("name"));
            if (name == null || !NAME.matcher(name).matches()) {
                throw new Invalid("Item " + position + ": 'name' must be lower-case letters, digits and underscores (2-41), got '"
                        + name + "'.", 0);
            }
            if (!names.add(name)) {
                throw new Invalid("Item '" + name + "' appears twice.", 0);
            }
            String definition = text(fields.get("definition"));
            if (definition == null || definition.isBlank()) {
                throw new Invalid("Item '" + name + "' needs a 'definition': when it is true, in words.", 0);
            }
            double weight;
            if (fields.get("weight") instanceof Number number && number.doubleValue() > 0 && number.doubleValue() <= 100) {
                weight = number.doubleValue();
            } else {
                throw new Invalid("Item '" + name + "': 'weight' must be a number above 0 and at most 100.", 0);
            }
            AppliesTo appliesTo;
            try {
                appliesTo = AppliesTo.valueOf(String.valueOf(fields.get("applies_to")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Invalid("Item '" + name + "': 'applies_to' must be agent, ai or both.", 0);
            }
            items.add(new Item(name, definition.strip(), weight, appliesTo));
        }
        return new Rubric(version, yaml, items);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
