package dev.tandem.guardrails;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval pii --test FILE.jsonl}: each line {@code {"text", "spans": [{"start", "end", "type"}]}} (offsets in
 * UTF-16 code units, end exclusive). A gold span is <em>found</em> when a detected span overlaps it, whatever type
 * either names (a dataset's type names are its own); it <em>leaks</em> when any of its non-blank characters is left
 * unmasked. Precision counts the detected spans that overlap a gold span. Reports recall, precision, leakRate and n
 * (lines), and recall and leak rate per gold type. Plain Java: no Spring, no database, no model.
 */
public final class PiiEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Gold(int start, int end, String type) {
    }

    record Example(String text, List<Gold> spans) {
    }

    record Metrics(int n, int goldSpans, int detectedSpans, double recall, double precision, double leakRate,
            Map<String, Map<String, Object>> byType) {
    }

    private PiiEvaluation() {
    }

    public static int run(List<String> options, PrintStream out, PrintStream err) {
        Path file = null;
        boolean json = false;
        boolean errors = false;
        try {
            for (int i = 0; i < options.size(); i++) {
                switch (options.get(i)) {
                    case "--test" -> {
                        if (++i >= options.size()) {
                            throw new IllegalArgumentException("--test needs a value");
                        }
                        file = Path.of(options.get(i));
                    }
                    case "--json" -> json = true;
                    case "--errors" -> errors = true;
                    default -> throw new IllegalArgumentException("unknown option '" + options.get(i) + "'");
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("--test FILE.jsonl is required");
            }
            Metrics metrics = evaluate(read(file), PersonalData.standard(), errors ? err : null);
            if (json) {
                out.println(JSON.writeValueAsString(metrics));
            } else {
                out.printf("pii: n=%d gold spans=%d detected=%d recall=%.3f precision=%.3f leakRate=%.3f%n", metrics.n(),
                        metrics.goldSpans(), metrics.detectedSpans(), metrics.recall(), metrics.precision(),
                        metrics.leakRate());
                metrics.byType().forEach((type, m) -> out.printf("  %-10s %s%n", type, m));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("eval pii: " + e.getMessage());
            return 2;
        }
    }

    static List<Example> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        List<Example> examples = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int line = i + 1;
            try {
                JsonNode node = JSON.readTree(lines.get(i));
                JsonNode text = node.get("text");
                JsonNode spans = node.get("spans");
                if (text == null || !text.isString() || spans == null || !spans.isArray()) {
                    throw new IllegalArgumentException(file + " line " + line + ": needs \"text\" and \"spans\": [...]");
                }
                String value = text.asString();
                List<Gold> gold = new ArrayList<>();
                for (JsonNode span : spans) {
                    int start = span.path("start").asInt(-1);
                    int end = span.path("end").asInt(-1);
                    if (start < 0 || end <= start || end > value.length()) {
                        throw new IllegalArgumentException(file + " line " + line + ": span " + span
                                + " is not within the text (offsets in characters, end exclusive)");
                    }
                    gold.add(new Gold(start, end, span.path("type").asString("unknown")));
                }
                examples.add(new Example(value, gold));
            } catch (JacksonException e) {
                throw new IllegalArgumentException(file + " line " + line + " is not JSON: " + e.getOriginalMessage());
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(file + " has no examples");
        }
        return examples;
    }

    static Metrics evaluate(List<Example> examples, PersonalData detector, PrintStream errors) {
        int gold = 0;
        int found = 0;
        int leaked = 0;
        int detected = 0;
        int detectedRight = 0;
        Map<String, int[]> byType = new TreeMap<>();
        for (Example example : examples) {
            List<PiiSpan> spans = detector.find(example.text());
            BitSet masked = new BitSet();
            spans.forEach(s -> masked.set(s.start(), s.end()));
            for (Gold g : example.spans()) {
                gold++;
                boolean hit = spans.stream().anyMatch(s -> s.start() < g.end() && g.start() < s.end());
                boolean leak = false;
                for (int c = g.start(); c < g.end(); c++) {
                    if (!masked.get(c) && !Character.isWhitespace(example.text().charAt(c))) {
                        leak = true;
                        break;
                    }
                }
                found += hit ? 1 : 0;
                leaked += leak ? 1 : 0;
                int[] counts = byType.computeIfAbsent(typeName(g.type()), t -> new int[3]);
                counts[0]++;
                counts[1] += hit ? 1 : 0;
                counts[2] += leak ? 1 : 0;
                if (errors != null && (leak || !hit)) {
                    errors.printf("missed %s \"%s\" in: %s%n", g.type(), example.text().substring(g.start(), g.end()),
                            example.text());
                }
            }
            for (PiiSpan s : spans) {
                detected++;
                boolean right = example.spans().stream().anyMatch(g -> s.start() < g.end() && g.start() < s.end());
                detectedRight += right ? 1 : 0;
                if (errors != null && !right) {
                    errors.printf("false %s \"%s\" in: %s%n", s.type().code(), example.text().substring(s.start(), s.end()),
                            example.text());
                }
            }
        }
        Map<String, Map<String, Object>> perType = new LinkedHashMap<>();
        byType.forEach((type, c) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", c[0]);
            m.put("recall", ratio(c[1], c[0]));
            m.put("leakRate", ratio(c[2], c[0]));
            perType.put(type, m);
        });
        return new Metrics(examples.size(), gold, detected, ratio(found, gold), ratio(detectedRight, detected),
                ratio(leaked, gold), perType);
    }

    /** Our name for a dataset's type when we know it ({@code credit_card} is {@code card}), else its own. */
    private static String typeName(String type) {
        return PiiType.named(type).map(PiiType::code).orElse(type);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
