package dev.tandem.guardrails;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One version of the output constitution: its rules, read from YAML ({@code guardrails/constitution.yml} is
 * version 0). Reading checks everything an admin can get wrong (unknown check or action, a pattern that does
 * not compile, a semantic rule without examples) and names the line and the rule at fault; a constitution that
 * reads is always usable. Checking a reply costs some patterns, and one embedding when a rule is semantic.
 * Immutable and thread-safe (the examples' vectors are computed once, on first use).
 */
final class Constitution {

    enum CheckKind {
        PATTERN, KEYWORD, AMOUNT, SEMANTIC, CLASSIFIER
    }

    /** A constitution that cannot be read: where, and what is wrong. */
    static final class Invalid extends RuntimeException {

        private final int line;
        private final String ruleId;

        Invalid(String message, int line, String ruleId) {
            super(message);
            this.line = line;
            this.ruleId = ruleId;
        }

        /** 1-based, 0 when unknown. */
        int line() {
            return line;
        }

        /** The rule at fault, null when the fault is not in one rule. */
        String ruleId() {
            return ruleId;
        }
    }

    /**
     * @param unless patterns that excuse a sentence (a negation: "we will never ask for your password")
     * @param threshold a semantic rule's similarity, or a classifier rule's probability (NaN: the classifier's own)
     * @param classifier the learned guard a classifier rule asks, null for other rules
     */
    record Rule(String id, String description, CheckKind check, OutputAction action, List<Pattern> patterns,
            List<Pattern> unless, BigDecimal max, List<String> examples, double threshold, GuardKind classifier) {

        /** Whether some sentence of the text matches one of the patterns and none of the excuses. */
        boolean matches(List<String> sentences) {
            for (String sentence : sentences) {
                if (patterns.stream().anyMatch(p -> p.matcher(sentence).find())
                        && unless.stream().noneMatch(p -> p.matcher(sentence).find())) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?;。！？\\n])\\s+|\\n+");

    /** An amount of money, with or without its currency (the sentence must name one). */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:[$€£¥]|\\b(?:usd|eur|gbp|chf|dollars?|euros?|pounds?|francs?))?\\s?(\\d{1,3}(?:[.,' ]\\d{3})+|\\d+)(?:[.,]\\d{1,2})?\\s?(?:[$€£¥]|\\b(?:usd|eur|gbp|chf|dollars?|euros?|pounds?|francs?))?");
    private static final Pattern CURRENCY = Pattern.compile("[$€£¥]|\\b(?:usd|eur|gbp|chf|dollars?|euros?|pounds?|francs?)\\b");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private final int version;
    private final String yaml;
    private final List<Rule> rules;
    private volatile List<List<float[]>> exampleVectors;

    private Constitution(int version, String yaml, List<Rule> rules) {
        this.version = version;
        this.yaml = yaml;
        this.rules = List.copyOf(rules);
    }

    int version() {
        return version;
    }

    String yaml() {
        return yaml;
    }

    List<Rule> rules() {
        return rules;
    }

    boolean needsEmbedding() {
        return rules.stream().anyMatch(r -> r.check() == CheckKind.SEMANTIC);
    }

    /**
     * The first rule {@code text} breaks, in the order the rules are written.
     *
     * @param embed the embedding of a text, called at most once per reply and only when a semantic rule exists
     * @param classify the judgement of a learned guard on the whole text, asked only by classifier rules
     */
    Optional<Rule> firstBroken(String text, Function<String, float[]> embed,
            BiFunction<GuardKind, String, GuardDetector.Judgement> classify) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> sentences = List.of(SENTENCE_BREAK.split(text.strip()));
        sentences = sentences.stream().map(TextNormaliser::normalise).toList();
        float[] vector = null;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            boolean broken = switch (rule.check()) {
                case PATTERN, KEYWORD -> rule.matches(sentences);
                case AMOUNT -> amountAbove(rule, sentences);
                case SEMANTIC -> {
                    if (vector == null) {
                        vector = embed.apply(text);
                    }
                    yield similarEnough(vector, examples(embed).get(i), rule.threshold());
                }
                case CLASSIFIER -> {
                    GuardDetector.Judgement judgement = classify.apply(rule.classifier(), text);
                    yield Double.isNaN(rule.threshold()) ? judgement.flagged() : judgement.probability() >= rule.threshold();
                }
            };
            if (broken) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private List<List<float[]>> examples(Function<String, float[]> embed) {
        List<List<float[]>> vectors = exampleVectors;
        if (vectors == null) {
            vectors = rules.stream().map(rule -> rule.examples().stream().map(embed).toList()).toList();
            exampleVectors = vectors;
        }
        return vectors;
    }

    private static boolean similarEnough(float[] vector, List<float[]> examples, double threshold) {
        for (float[] example : examples) {
            if (cosine(vector, example) >= threshold) {
                return true;
            }
        }
        return false;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length && i < b.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** A keyword of the rule and, in the same sentence, an amount of money above its maximum. */
    private static boolean amountAbove(Rule rule, List<String> sentences) {
        for (String sentence : sentences) {
            if (!rule.matches(List.of(sentence)) || !CURRENCY.matcher(sentence).find()) {
                continue;
            }
            Matcher amount = AMOUNT.matcher(sentence);
            while (amount.find()) {
                String whole = amount.group();
                if (!CURRENCY.matcher(whole).find()) {
                    continue;
                }
                BigDecimal value = new BigDecimal(amount.group(1).replaceAll("[.,' ]", ""));
                if (value.compareTo(rule.max()) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The constitution shipped in the jar, version 0. */
    static Constitution bundled() {
        try (var in = Constitution.class.getClassLoader().getResourceAsStream("guardrails/constitution.yml")) {
            if (in == null) {
                throw new IllegalStateException("guardrails/constitution.yml is missing from the class path");
            }
            return read(0, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads a constitution, or says where it is wrong ({@link Invalid}). */
    static Constitution read(int version, String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new Invalid("The constitution is empty: it needs a list of rules under 'rules:'.", 1, null);
        }
        if (yaml.length() > 200_000) {
            throw new Invalid("The constitution is longer than 200,000 characters.", 0, null);
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new Invalid("Not valid YAML: " + e.getProblem() + ".", line, null);
        } catch (YAMLException e) {
            throw new Invalid("Not valid YAML: " + e.getMessage(), 0, null);
        }
        if (!(root instanceof MappingNode top)) {
            throw new Invalid("The constitution must be a mapping with a list of rules under 'rules:'.", line(root), null);
        }
        Node rulesNode = value(top, "rules");
        if (!(rulesNode instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw new Invalid("'rules:' must be a non-empty list of rules.", rulesNode == null ? line(top) : line(rulesNode), null);
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node node : list.getValue()) {
            Rule rule = rule(node);
            if (!ids.add(rule.id())) {
                throw new Invalid("Two rules have the id '" + rule.id() + "'.", line(node), rule.id());
            }
            rules.add(rule);
        }
        return new Constitution(version, yaml, rules);
    }

    private static Rule rule(Node node) {
        if (!(node instanceof MappingNode map)) {
            throw new Invalid("A rule must be a mapping (id, description, check, action, …).", line(node), null);
        }
        String id = scalar(map, "id", null);
        if (id == null || !ID.matcher(id).matches()) {
            throw new Invalid("A rule needs an id of lower-case letters, digits and dashes (at most 60).", line(map), id);
        }
        for (NodeTuple tuple : map.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            if (!Set.of("id", "description", "check", "action", "patterns", "keywords", "unless", "max", "examples",
                    "threshold", "classifier")
                .contains(key)) {
                throw new Invalid("Rule '" + id + "' has an unknown field '" + key + "'.", line(tuple.getKeyNode()), id);
            }
        }
        String description = scalar(map, "description", id);
        if (description == null || description.isBlank()) {
            throw new Invalid("Rule '" + id + "' needs a description.", line(map), id);
        }
        CheckKind check = named(CheckKind.class, scalar(map, "check", id), "check",
                "pattern, keyword, amount, semantic or classifier",
                map, id);
        OutputAction action = named(OutputAction.class, scalar(map, "action", id), "action", "BLOCK, REVIEW or ESCALATE", map,
                id);
        if (action == OutputAction.ALLOW) {
            throw new Invalid("Rule '" + id + "': the action must be BLOCK, REVIEW or ESCALATE.", line(value(map, "action")), id);
        }
        List<Pattern> patterns = new ArrayList<>();
        List<Pattern> unless = new ArrayList<>();
        for (var entry : strings(map, "unless", id, false)) {
            unless.add(compile(entry, id));
        }
        BigDecimal max = null;
        List<String> examples = List.of();
        double threshold = 0;
        GuardKind classifier = null;
        switch (check) {
            case PATTERN -> {
                for (var entry : strings(map, "patterns", id, true)) {
                    patterns.add(compile(entry, id));
                }
            }
            case KEYWORD, AMOUNT -> {
                for (var entry : strings(map, "keywords", id, true)) {
                    String keyword = TextNormaliser.normalise(entry.getKey());
                    patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])",
                            Pattern.UNICODE_CHARACTER_CLASS));
                }
                if (check == CheckKind.AMOUNT) {
                    String text = scalar(map, "max", id);
                    try {
                        max = new BigDecimal(text == null ? "" : text);
                    } catch (NumberFormatException e) {
                        throw new Invalid("Rule '" + id + "': an amount rule needs a number 'max'.", line(map), id);
                    }
                }
            }
            case SEMANTIC -> {
                examples = strings(map, "examples", id, true).stream().map(Map.Entry::getKey).toList();
                String text = scalar(map, "threshold", id);
                try {
                    threshold = Double.parseDouble(text == null ? "" : text);
                } catch (NumberFormatException e) {
                    threshold = Double.NaN;
                }
                if (!(threshold > 0 && threshold <= 1)) {
                    throw new Invalid("Rule '" + id + "': a semantic rule needs a 'threshold' above 0 and at most 1.",
                            line(map), id);
                }
            }
            case CLASSIFIER -> {
                classifier = named(GuardKind.class, scalar(map, "classifier", id), "classifier", "toxicity or injection",
                        map, id);
                String text = scalar(map, "threshold", id);
                threshold = Double.NaN;
                if (text != null) {
                    try {
                        threshold = Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        threshold = -1;
                    }
                    if (!(threshold > 0 && threshold < 1)) {
                        throw new Invalid("Rule '" + id + "': a classifier's 'threshold' is a probability above 0 and below 1"
                                + " (leave it out for the classifier's own).", line(map), id);
                    }
                }
            }
        }
        return new Rule(id, description.strip(), check, action, patterns, unless, max, examples, threshold, classifier);
    }

    private static Pattern compile(Map.Entry<String, Integer> entry, String id) {
        try {
            return Pattern.compile(entry.getKey(), Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new Invalid("Rule '" + id + "': the pattern does not compile: " + e.getDescription() + ".", entry.getValue(), id);
        }
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value, String field, String allowed, MappingNode map,
            String id) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Node at = value(map, field);
            throw new Invalid("Rule '" + id + "': '" + field + "' must be " + allowed + (value == null ? "" : ", not '" + value + "'")
                    + ".", at == null ? line(map) : line(at), id);
        }
    }

    private static List<Map.Entry<String, Integer>> strings(MappingNode map, String field, String id, boolean required) {
        Node node = value(map, field);
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            if (!required) {
                return List.of();
            }
            throw new Invalid("Rule '" + id + "' needs a non-empty list '" + field + "'.", node == null ? line(map) : line(node), id);
        }
        List<Map.Entry<String, Integer>> values = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw new Invalid("Rule '" + id + "': every entry of '" + field + "' must be a non-empty text.", line(item), id);
            }
            values.add(Map.entry(scalar.getValue(), line(item)));
        }
        return values;
    }

    private static String scalar(MappingNode map, String field, String id) {
        Node node = value(map, field);
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new Invalid((id == null ? "A rule" : "Rule '" + id + "'") + ": '" + field + "' must be a single value.",
                    line(node), id);
        }
        return scalar.getValue();
    }

    private static Node value(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
