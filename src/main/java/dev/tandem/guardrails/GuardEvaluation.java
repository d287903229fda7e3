package dev.tandem.guardrails;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.tandem.ai.Embeddings;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval guard --kind injection|toxicity --test FILE.csv --positive LABEL[,LABEL]}: runs the shipped guard
 * (rules and learned model at its shipped threshold, exactly as on customer messages) on every row of a
 * {@code text,label} CSV; rows whose label is one of the positive labels must be flagged, all others not.
 * Reports precision, recall, f1, falsePositiveRate and n. {@code --threshold P} tries another model threshold,
 * {@code --errors} lists the mistakes on stderr. Plain Java: no Spring, no database; loads the embedding model.
 */
public final class GuardEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Row(String text, String label) {
    }

    record Metrics(String kind, int n, int positives, double precision, double recall, double f1,
            double falsePositiveRate, double threshold) {
    }

    private GuardEvaluation() {
    }

    public static int run(List<String> options, PrintStream out, PrintStream err) {
        String kind = null;
        Path file = null;
        Set<String> positive = null;
        double threshold = Double.NaN;
        boolean json = false;
        boolean errors = false;
        try {
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                switch (option) {
                    case "--kind" -> kind = value(options, ++i, option);
                    case "--test" -> file = Path.of(value(options, ++i, option));
                    case "--positive" -> positive = Arrays.stream(value(options, ++i, option).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
                    case "--threshold" -> {
                        try {
                            threshold = Double.parseDouble(value(options, ++i, option));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--threshold must be a probability such as 0.4");
                        }
                    }
                    case "--json" -> json = true;
                    case "--errors" -> errors = true;
                    default -> throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            if (kind == null || file == null || positive == null || positive.isEmpty()) {
                throw new IllegalArgumentException(
                        "usage: eval guard --kind injection|toxicity --test FILE.csv --positive LABEL[,LABEL] [--json]");
            }
            GuardKind guard = GuardKind.named(kind);
            List<Row> rows = read(file);
            Set<String> labels = rows.stream().map(Row::label).collect(Collectors.toSet());
            Set<String> unknown = positive.stream().filter(p -> !labels.contains(p)).collect(Collectors.toSet());
            if (!unknown.isEmpty()) {
                err.println("eval guard: warning: no row is labelled " + unknown + " (labels: " + labels + ")");
            }
            GuardDetector detector = guard.detector(Embeddings.bundledModel(), threshold);
            Metrics metrics = evaluate(guard, detector, rows, positive, errors ? err : null);
            if (json) {
                out.println(JSON.writeValueAsString(metrics));
            } else {
                out.printf("guard %s: n=%d positives=%d precision=%.3f recall=%.3f f1=%.3f falsePositiveRate=%.3f%n",
                        kind, metrics.n(), metrics.positives(), metrics.precision(), metrics.recall(), metrics.f1(),
                        metrics.falsePositiveRate());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("eval guard: " + e.getMessage());
            return 2;
        }
    }

    private static String value(List<String> options, int i, String option) {
        if (i >= options.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(i);
    }

    static List<Row> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            if (!csv.getHeaderMap().containsKey("text") || !csv.getHeaderMap().containsKey("label")) {
                throw new IllegalArgumentException(file + " needs the header text,label (has " + csv.getHeaderNames() + ")");
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : csv) {
                if (!record.isConsistent()) {
                    throw new IllegalArgumentException(file + " line " + record.getRecordNumber() + ": wrong number of columns");
                }
                rows.add(new Row(record.get("text"), record.get("label").strip()));
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + " has no rows");
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static Metrics evaluate(GuardKind kind, GuardDetector detector, List<Row> rows, Set<String> positive, PrintStream errors) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int negatives = 0;
        for (Row row : rows) {
            GuardDetector.Judgement judgement = detector.judge(row.text());
            boolean expected = positive.contains(row.label());
            negatives += expected ? 0 : 1;
            if (judgement.flagged() && expected) {
                tp++;
            } else if (judgement.flagged()) {
                fp++;
            } else if (expected) {
                fn++;
            }
            if (errors != null && judgement.flagged() != expected) {
                errors.printf("%s (p=%.2f %s): %s%n", expected ? "missed" : "false alarm", judgement.probability(),
                        judgement.rules(), row.text().replaceAll("\\s+", " "));
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Metrics(kind.name().toLowerCase(java.util.Locale.ROOT), rows.size(), tp + fn, round(precision),
                round(recall), round(f1), round(negatives == 0 ? 0 : (double) fp / negatives), detector.threshold());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
