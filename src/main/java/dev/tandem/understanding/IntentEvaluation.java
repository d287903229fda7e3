package dev.tandem.understanding;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.tandem.ai.Embeddings;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval intents --train FILE.csv --test FILE.csv [--oos-label oos] [--json]}: trains an intent
 * model exactly as an upload does and labels the test file (shared CONTRACT, "Evaluation CLI").
 * Plain Java: no Spring context, no web server, no database.
 *
 * <p>Without {@code --oos-label} every test example has an intent, so only the top label counts
 * and nothing is rejected for a low score. With it, a message is out of scope when the model says
 * the out-of-scope label or its best score is under the calibrated threshold.
 */
public final class IntentEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Metrics(int n, double accuracy, double macroF1, Double inScopeAccuracy, Double oosRecall,
            Double oosPrecision, int trainExamples, int labels, Double heldOutAccuracy, double trainSeconds,
            double latencyP50Millis, double latencyP95Millis, int modelBytes, long modelMemoryBytes) {
    }

    private IntentEvaluation() {
    }

    /** Runs the command; returns the exit status (0 done, 2 bad input). */
    public static int run(List<String> options, PrintStream out, PrintStream err) {
        Path trainFile = null;
        Path testFile = null;
        String oosLabel = null;
        boolean json = false;
        try {
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                switch (option) {
                    case "--train" -> trainFile = Path.of(value(options, ++i, option));
                    case "--test" -> testFile = Path.of(value(options, ++i, option));
                    case "--oos-label" -> oosLabel = value(options, ++i, option);
                    case "--json" -> json = true;
                    default -> throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            if (trainFile == null || testFile == null) {
                throw new IllegalArgumentException("--train FILE.csv and --test FILE.csv are required");
            }
            List<IntentExample> train = read(trainFile, "training");
            List<IntentExample> test = read(testFile, "test");
            if (train.stream().map(IntentExample::label).distinct().count() < 2) {
                throw new IllegalArgumentException("the training file needs at least two labels");
            }
            Metrics metrics = evaluate(Embeddings.bundledModel(), train, test, oosLabel, err);
            out.println(json ? toJson(metrics) : table(metrics));
            return 0;
        } catch (IllegalArgumentException | IntentCsv.InvalidCsv e) {
            err.println("eval intents: " + e.getMessage());
            err.println("usage: eval intents --train FILE.csv --test FILE.csv [--oos-label oos] [--json]");
            return 2;
        }
    }

    static Metrics evaluate(Embeddings embeddings, List<IntentExample> train, List<IntentExample> test,
            String oosLabel, PrintStream log) {
        IntentModelBuilder builder = new IntentModelBuilder(embeddings, TrainingSettings.CHOSEN);
        IntentModelBuilder.Result built = builder.build(train, oosLabel, oosLabel != null, (phase, done, total) -> {
            if (phase != IntentModelBuilder.Phase.EMBEDDING || done == total) {
                log.printf(Locale.ROOT, "%s %d/%d%n", phase.name().toLowerCase(Locale.ROOT), done, total);
            }
        });
        IntentClassifier model = built.classifier();
        log.printf(Locale.ROOT, "trained on %d examples in %.1f s; held-out accuracy %s%n", train.size(),
                built.took().toMillis() / 1000.0, built.heldOutAccuracy());

        // One message at a time, as a customer's message arrives: the latency includes its embedding.
        String[] predicted = new String[test.size()];
        double[] millis = new double[test.size()];
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            IntentExample example = test.get(i);
            long start = System.nanoTime();
            IntentClassifier.Prediction prediction = model.predict(
                    embeddings.embedPassages(List.of(example.text())).get(0), example.text());
            millis[i] = (System.nanoTime() - start) / 1e6;
            predicted[i] = prediction.outOfScope() && oosLabel != null ? oosLabel : prediction.label();
            right += IntentModelBuilder.isRight(prediction, example, oosLabel) ? 1 : 0;
        }
        Arrays.sort(millis);

        Double inScopeAccuracy = null;
        Double oosRecall = null;
        Double oosPrecision = null;
        if (oosLabel != null) {
            int inScope = 0;
            int inScopeRight = 0;
            int oos = 0;
            int oosFound = 0;
            int saidOos = 0;
            for (int i = 0; i < test.size(); i++) {
                boolean goldOos = test.get(i).label().equals(oosLabel);
                boolean saysOos = predicted[i].equals(oosLabel);
                saidOos += saysOos ? 1 : 0;
                if (goldOos) {
                    oos++;
                    oosFound += saysOos ? 1 : 0;
                } else {
                    inScope++;
                    inScopeRight += predicted[i].equals(test.get(i).label()) ? 1 : 0;
                }
            }
            inScopeAccuracy = share(inScopeRight, inScope);
            oosRecall = share(oosFound, oos);
            oosPrecision = share(oosFound, saidOos);
        }
        byte[] bytes = model.toBytes();
        return new Metrics(test.size(), share(right, test.size()), macroF1(test, predicted), inScopeAccuracy, oosRecall,
                oosPrecision, train.size(), model.labels().size(), built.heldOutAccuracy(),
                built.took().toMillis() / 1000.0, percentile(millis, 0.50), percentile(millis, 0.95), bytes.length,
                model.approximateMemory());
    }

    /** F1 per label, averaged over every label that is in the test file or was predicted. */
    static double macroF1(List<IntentExample> test, String[] predicted) {
        Set<String> labels = new LinkedHashSet<>();
        Map<String, int[]> counts = new HashMap<>(); // true positives, gold, predicted
        for (int i = 0; i < test.size(); i++) {
            String gold = test.get(i).label();
            labels.add(gold);
            labels.add(predicted[i]);
            counts.computeIfAbsent(gold, l -> new int[3])[1]++;
            counts.computeIfAbsent(predicted[i], l -> new int[3])[2]++;
            if (gold.equals(predicted[i])) {
                counts.get(gold)[0]++;
            }
        }
        double sum = 0;
        for (String label : labels) {
            int[] c = counts.get(label);
            sum += c[1] + c[2] == 0 ? 0 : 2.0 * c[0] / (c[1] + c[2]);
        }
        return labels.isEmpty() ? 0 : sum / labels.size();
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static List<IntentExample> read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " file not found: " + file);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return IntentCsv.read(reader);
        } catch (IntentCsv.InvalidCsv e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String value(List<String> options, int i, String option) {
        if (i >= options.size() || options.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(i);
    }

    private static String toJson(Metrics m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("task", "intents");
        fields.put("n", m.n());
        fields.put("accuracy", round(m.accuracy()));
        fields.put("macroF1", round(m.macroF1()));
        if (m.inScopeAccuracy() != null) {
            fields.put("inScopeAccuracy", round(m.inScopeAccuracy()));
            fields.put("oosRecall", round(m.oosRecall()));
            fields.put("oosPrecision", round(m.oosPrecision()));
        }
        fields.put("trainExamples", m.trainExamples());
        fields.put("labels", m.labels());
        fields.put("heldOutAccuracy", m.heldOutAccuracy() == null ? null : round(m.heldOutAccuracy()));
        fields.put("trainSeconds", Math.round(m.trainSeconds() * 10) / 10.0);
        fields.put("latencyP50Millis", Math.round(m.latencyP50Millis() * 100) / 100.0);
        fields.put("latencyP95Millis", Math.round(m.latencyP95Millis() * 100) / 100.0);
        fields.put("modelBytes", m.modelBytes());
        fields.put("modelMemoryBytes", m.modelMemoryBytes());
        return JSON.writeValueAsString(fields);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static String table(Metrics m) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
                intents: %d test messages, model trained on %d examples (%d labels) in %.1f s
                  accuracy            %.4f
                  macro F1            %.4f
                """, m.n(), m.trainExamples(), m.labels(), m.trainSeconds(), m.accuracy(), m.macroF1()));
        if (m.inScopeAccuracy() != null) {
            table.append(String.format(Locale.ROOT, """
                      in-scope accuracy   %.4f
                      OOS recall          %.4f
                      OOS precision       %.4f
                    """, m.inScopeAccuracy(), m.oosRecall(), m.oosPrecision()));
        }
        table.append(String.format(Locale.ROOT, """
                  latency p50 / p95   %.2f / %.2f ms (embedding included)
                  model               %d bytes stored, about %d MB in memory""", m.latencyP50Millis(),
                m.latencyP95Millis(), m.modelBytes(), m.modelMemoryBytes() / 1_000_000));
        return table.toString();
    }
}
