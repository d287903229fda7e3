package dev.tandem.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a scenario file: YAML (a list of scenarios, or a map with a {@code scenarios} list) or JSONL (one
 * scenario per line). Every mistake is reported with the scenario and the field it is in, and nothing
 * runs from a file with mistakes: a half-read population would give figures nobody can compare.
 */
public final class ScenarioFile {

    /** The demo's Northwind scenarios, inside the jar. */
    public static final String DEMO = "demo/simulation/northwind.yml";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("id", "kind", "persona", "goal", "opening", "follow_ups", "facts",
            "expect", "agent_reply");
    private static final Set<String> PERSONA_FIELDS = Set.of("name", "email", "language", "patience", "mood",
            "vulnerable");
    private static final Set<String> GOAL_FIELDS = Set.of("articles", "facts", "procedure");
    static final Set<String> FACTS = Set.of("order_number", "email", "gift_card", "amount", "new_address", "name");
    private static final Set<String> LANGUAGES = Set.of("en", "es", "fr", "de", "pt", "it", "nl");

    private ScenarioFile() {
    }

    /** A file that cannot be run, with every reason found (one per line). */
    public static final class Invalid extends RuntimeException {

        Invalid(String message) {
            super(message);
        }
    }

    public static List<Scenario> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Invalid("scenario file not found: " + file);
        } catch (IOException e) {
            throw new Invalid("cannot read the scenario file " + file + ": " + e.getMessage());
        }
        return parse(file.getFileName().toString(), text);
    }

    public static List<Scenario> demo() {
        try (InputStream in = ScenarioFile.class.getClassLoader().getResourceAsStream(DEMO)) {
            if (in == null) {
                throw new Invalid("the demo scenarios are missing from the classpath (" + DEMO + ")");
            }
            return parse("northwind.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Invalid("cannot read the demo scenarios: " + e.getMessage());
        }
    }

    /** @param name the file's name: {@code .jsonl} is read as JSON lines, anything else as YAML */
    static List<Scenario> parse(String name, String text) {
        List<JsonNode> nodes = name.toLowerCase(Locale.ROOT).endsWith(".jsonl") ? jsonLines(name, text)
                : yaml(name, text);
        if (nodes.isEmpty()) {
            throw new Invalid(name + ": no scenarios in the file");
        }
        List<String> problems = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String where = name + ": scenario " + (i + 1);
            if (node.has("id") && node.get("id").isString()) {
                where += " ('" + node.get("id").asString() + "')";
            }
            var reader = new Fields(where, problems);
            Scenario scenario = reader.scenario(node);
            if (scenario != null && !ids.add(scenario.id())) {
                problems.add(where + ": the id is used twice; every scenario needs its own");
            }
            if (scenario != null) {
                scenarios.add(scenario);
            }
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 20);
            String more = problems.size() > shown ? "\n... and " + (problems.size() - shown) + " more" : "";
            throw new Invalid(String.join("\n", problems.subList(0, shown)) + more);
        }
        return List.copyOf(scenarios);
    }

    private static List<JsonNode> jsonLines(String name, String text) {
        List<JsonNode> nodes = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                nodes.add(JSON.readTree(lines[i]));
            } catch (JacksonException e) {
                throw new Invalid(name + ", line " + (i + 1) + ": not valid JSON (" + e.getOriginalMessage() + ")");
            }
        }
        return nodes;
    }

    private static List<JsonNode> yaml(String name, String text) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new Invalid(name + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root instanceof Map<?, ?> map && map.containsKey("scenarios")) {
            root = map.get("scenarios");
        }
        if (!(root instanceof List<?> list)) {
            throw new Invalid(name + ": expected a list of scenarios (or 'scenarios:' with a list)");
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (Object item : list) {
            nodes.add(JSON.valueToTree(item));
        }
        return nodes;
    }

    /** Reads the fields of one scenario, collecting every problem rather than stopping at the first. */
    private record Fields(String where, List<String> problems) {

        Scenario scenario(JsonNode node) {
            if (!node.isObject()) {
                problems.add(where + ": expected an object with id, kind, opening, ...");
                return null;
            }
            unknown(node, FIELDS, "");
            String id = required(node, "id");
            String kindText = required(node, "kind");
            String opening = required(node, "opening");
            Scenario.Kind kind = kindText == null ? null
                    : choice(kindText, Scenario.Kind.class, "kind", "answer, procedure, person, out_of_scope");
            Scenario.Persona persona = persona(node.get("persona"));
            Scenario.Goal goal = goal(node.get("goal"));
            List<String> followUps = strings(node.get("follow_ups"), "follow_ups");
            Map<String, String> facts = facts(node.get("facts"));
            String expectText = optional(node, "expect");
            Scenario.Expect expect = expectText == null ? defaultExpect(kind)
                    : choice(expectText, Scenario.Expect.class, "expect", "resolved, escalated, declined");
            if (kind == Scenario.Kind.ANSWER && goal.articles().isEmpty() && goal.facts().isEmpty()) {
                problems.add(where + ": an 'answer' goal needs goal.articles or goal.facts (what a correct answer holds)");
            }
            if (kind == Scenario.Kind.PROCEDURE && goal.facts().isEmpty()) {
                problems.add(where + ": a 'procedure' goal needs goal.facts (what the reply that completes it says)");
            }
            if (id == null || kind == null || opening == null || expect == null || persona == null) {
                return null;
            }
            return new Scenario(id, kind, persona, goal, opening, followUps, facts, expect, optional(node, "agent_reply"));
        }

        private Scenario.Persona persona(JsonNode node) {
            if (node == null || node.isNull()) {
                return new Scenario.Persona("Customer", null, "en", 2, Scenario.Mood.CALM, false);
            }
            if (!node.isObject()) {
                problems.add(where + ": 'persona' must be an object (name, email, language, patience, mood, vulnerable)");
                return null;
            }
            unknown(node, PERSONA_FIELDS, "persona.");
            String language = orElse(optional(node, "language"), "en").toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(language)) {
                problems.add(where + ": persona.language '" + language + "' is not one of " + new java.util.TreeSet<>(LANGUAGES));
            }
            int patience = 2;
            JsonNode patienceNode = node.get("patience");
            if (patienceNode != null && !patienceNode.isNull()) {
                if (!patienceNode.isIntegralNumber() || patienceNode.asInt() < 0 || patienceNode.asInt() > 10) {
                    problems.add(where + ": persona.patience must be a whole number from 0 to 10");
                } else {
                    patience = patienceNode.asInt();
                }
            }
            String moodText = optional(node, "mood");
            Scenario.Mood mood = moodText == null ? Scenario.Mood.CALM
                    : choice(moodText, Scenario.Mood.class, "persona.mood", "calm, frustrated, angry");
            JsonNode vulnerable = node.get("vulnerable");
            if (vulnerable != null && !vulnerable.isBoolean()) {
                problems.add(where + ": persona.vulnerable must be true or false");
            }
            return new Scenario.Persona(orElse(optional(node, "name"), "Customer"), optional(node, "email"), language,
                    patience, mood == null ? Scenario.Mood.CALM : mood, vulnerable != null && vulnerable.asBoolean());
        }

        private Scenario.Goal goal(JsonNode node) {
            if (node == null || node.isNull()) {
                return new Scenario.Goal(List.of(), List.of(), null);
            }
            if (!node.isObject()) {
                problems.add(where + ": 'goal' must be an object (articles, facts, procedure)");
                return new Scenario.Goal(List.of(), List.of(), null);
            }
            unknown(node, GOAL_FIELDS, "goal.");
            return new Scenario.Goal(strings(node.get("articles"), "goal.articles"), strings(node.get("facts"), "goal.facts"),
                    optional(node, "procedure"));
        }

        private Map<String, String> facts(JsonNode node) {
            Map<String, String> facts = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return facts;
            }
            if (!node.isObject()) {
                problems.add(where + ": 'facts' must be an object such as {order_number: NW-1004, email: ada@example.com}");
                return facts;
            }
            for (var entry : node.properties()) {
                if (!FACTS.contains(entry.getKey())) {
                    problems.add(where + ": facts." + entry.getKey() + " is not a fact a customer can be asked for; use "
                            + new java.util.TreeSet<>(FACTS));
                } else if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                    problems.add(where + ": facts." + entry.getKey() + " must be a single value");
                } else {
                    facts.put(entry.getKey(), entry.getValue().asString());
                }
            }
            return facts;
        }

        private List<String> strings(JsonNode node, String field) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (node.isValueNode()) {
                return List.of(node.asString());
            }
            if (!node.isArray()) {
                problems.add(where + ": '" + field + "' must be a list of texts");
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull() || item.asString().isBlank()) {
                    problems.add(where + ": '" + field + "' must hold only non-empty texts");
                } else {
                    values.add(item.asString());
                }
            }
            return List.copyOf(values);
        }

        private String required(JsonNode node, String field) {
            String value = optional(node, field);
            if (value == null) {
                problems.add(where + ": '" + field + "' is missing");
            }
            return value;
        }

        private String optional(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode() || value.asString().isBlank()) {
                problems.add(where + ": '" + field + "' must be a non-empty text");
                return null;
            }
            return value.asString().strip();
        }

        private void unknown(JsonNode node, Set<String> known, String prefix) {
            for (String name : node.propertyNames()) {
                if (!known.contains(name)) {
                    problems.add(where + ": unknown field '" + prefix + name + "' (known: " + new java.util.TreeSet<>(known) + ")");
                }
            }
        }

        private <E extends Enum<E>> E choice(String value, Class<E> type, String field, String allowed) {
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": '" + field + "' is '" + value + "'; use one of " + allowed);
                return null;
            }
        }

        private static Scenario.Expect defaultExpect(Scenario.Kind kind) {
            if (kind == null) {
                return Scenario.Expect.RESOLVED;
            }
            return switch (kind) {
                case ANSWER, PROCEDURE -> Scenario.Expect.RESOLVED;
                case PERSON -> Scenario.Expect.ESCALATED;
                case OUT_OF_SCOPE -> Scenario.Expect.DECLINED;
            };
        }

        private static String orElse(String value, String otherwise) {
            return value == null ? otherwise : value;
        }
    }
}
