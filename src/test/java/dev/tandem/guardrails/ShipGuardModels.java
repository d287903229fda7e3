package dev.tandem.guardrails;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Model;
import dev.tandem.ai.Embeddings;

/**
 * Learns the guard models and writes them into {@code src/main/resources/guardrails/} ({@link GuardModel}), to be
 * committed with the rules and data they were learned from. Run from the repository's root (needs
 * {@code ../shared/eval/offensive/}):
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.guardrails.ShipGuardModels
 * </pre>
 *
 * With the argument {@code tune} it only reports: for injection, 5-fold cross-validation on its training data and
 * the figures on the transfer set of {@code src/test/resources/eval/guard/}; for toxicity, the figures on
 * ConvAbuse's dev split at several thresholds. The threshold shipped is chosen there, never on held-out data:
 * injection at an out-of-fold false-positive rate of at most {@link #INJECTION_FPR}, toxicity at a dev
 * false-positive rate of at most {@link #TOXICITY_FPR}, each with the most recall.
 */
public final class ShipGuardModels {

    static final double C = Double.parseDouble(System.getProperty("guard.c", "16"));
    static final double INJECTION_FPR = 0.04;
    static final double TOXICITY_FPR = 0.04;
    static final Path OFFENSIVE = Path.of("../shared/eval/offensive");
    static final Path CACHE = Path.of("target/guard-vectors.bin");

    record Labelled(String text, boolean positive) {
    }

    private ShipGuardModels() {
    }

    static List<Labelled> read(Path file, Set<String> positive) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Labelled> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                rows.add(new Labelled(r.get("text"), positive.contains(r.get("label").strip())));
            }
            return rows;
        }
    }

    static List<Labelled> injectionTraining() throws IOException {
        List<Labelled> rows = new ArrayList<>(read(Path.of("src/main/resources/guardrails/data/injection-train.csv"), Set.of("injection")));
        rows.addAll(read(Path.of("src/main/resources/guardrails/data/injection-support.csv"), Set.of("injection")));
        return rows;
    }

    static List<Labelled> toxicityTraining() throws IOException {
        return read(OFFENSIVE.resolve("train.csv"), Set.of("offensive"));
    }

    /** What a model was learned from: the format, C, the rules and the rows. */
    static String fingerprint(GuardKind kind, List<Labelled> rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((GuardModel.FORMAT + "|" + C + "|" + kind + "\n").getBytes(StandardCharsets.UTF_8));
            String rules = kind == GuardKind.INJECTION ? InjectionRules.RESOURCE : AbuseLexicon.RESOURCE;
            try (var in = ShipGuardModels.class.getClassLoader().getResourceAsStream(rules)) {
                digest.update(in.readAllBytes());
            }
            for (Labelled row : rows) {
                digest.update((row.text() + "\u0000" + row.positive() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Vectors by text, kept in target/ between runs: embedding a few thousand texts takes minutes on a busy machine. */
    static final class Vectors {

        private final Embeddings embeddings;
        private final Map<String, float[]> known = new HashMap<>();

        Vectors(Embeddings embeddings) throws IOException {
            this.embeddings = embeddings;
            if (Files.exists(CACHE)) {
                try (var in = new DataInputStream(Files.newInputStream(CACHE))) {
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) {
                        String text = in.readUTF();
                        float[] v = new float[Embeddings.DIMENSIONS];
                        for (int d = 0; d < v.length; d++) {
                            v[d] = in.readFloat();
                        }
                        known.put(text, v);
                    }
                }
            }
        }

        List<float[]> of(List<Labelled> rows) throws IOException {
            List<String> missing = rows.stream().map(Labelled::text).filter(t -> !known.containsKey(t)).distinct().toList();
            if (!missing.isEmpty()) {
                List<float[]> vectors = embeddings.embedPassages(missing);
                for (int i = 0; i < missing.size(); i++) {
                    known.put(missing.get(i), vectors.get(i));
                }
                try (var out = new DataOutputStream(Files.newOutputStream(CACHE))) {
                    List<Map.Entry<String, float[]>> storable = known.entrySet().stream()
                        .filter(e -> e.getKey().length() < 20_000).toList();
                    out.writeInt(storable.size());
                    for (var e : storable) {
                        out.writeUTF(e.getKey());
                        for (float f : e.getValue()) {
                            out.writeFloat(f);
                        }
                    }
                }
            }
            return rows.stream().map(r -> known.get(r.text())).toList();
        }
    }

    static Feature[][] features(GuardKind kind, List<Labelled> rows, List<float[]> vectors) {
        Signals signals = kind.signals();
        TextFeatures features = new TextFeatures(signals.size());
        Feature[][] x = new Feature[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            String normalised = TextNormaliser.normalise(rows.get(i).text());
            x[i] = features.of(vectors.get(i), signals.read(normalised).values(), normalised);
        }
        return x;
    }

    static boolean[] decisive(GuardKind kind, List<Labelled> rows) {
        Signals signals = kind.signals();
        boolean[] d = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            d[i] = !signals.read(TextNormaliser.normalise(rows.get(i).text())).decisive().isEmpty();
        }
        return d;
    }

    static double[] labels(List<Labelled> rows) {
        return rows.stream().mapToDouble(r -> r.positive() ? 1 : 0).toArray();
    }

    static int size(GuardKind kind) {
        return new TextFeatures(kind.signals().size()).size();
    }

    /** Out-of-fold probabilities of a k-fold cross-validation (folds by a fixed shuffle). */
    static double[] outOfFold(GuardKind kind, Feature[][] x, double[] y, int k) {
        int n = x.length;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(7));
        double[] p = new double[n];
        for (int fold = 0; fold < k; fold++) {
            List<Feature[]> trainX = new ArrayList<>();
            List<Double> trainY = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j % k == fold) {
                    held.add(order.get(j));
                } else {
                    trainX.add(x[order.get(j)]);
                    trainY.add(y[order.get(j)]);
                }
            }
            Model model = GuardModel.learn(trainX.toArray(Feature[][]::new), trainY.stream().mapToDouble(Double::doubleValue).toArray(),
                    size(kind), C);
            for (int i : held) {
                p[i] = GuardModel.probability(model, x[i]);
            }
        }
        return p;
    }

    /** recall, false-positive rate and precision when a decisive rule or p >= threshold flags. */
    static double[] rates(double[] p, boolean[] decisive, double[] y, double threshold) {
        int tp = 0, fp = 0, pos = 0, neg = 0;
        for (int i = 0; i < p.length; i++) {
            boolean flagged = decisive[i] || p[i] >= threshold;
            if (y[i] == 1) {
                pos++;
                tp += flagged ? 1 : 0;
            } else {
                neg++;
                fp += flagged ? 1 : 0;
            }
        }
        return new double[] {(double) tp / pos, (double) fp / neg, tp + fp == 0 ? 0 : (double) tp / (tp + fp)};
    }

    /** The lowest threshold (most recall) whose false-positive rate stays within {@code maxFpr}. */
    static double choose(double[] p, boolean[] decisive, double[] y, double maxFpr) {
        double best = 0.99;
        for (double t = 0.99; t >= 0.05; t -= 0.01) {
            if (rates(p, decisive, y, t)[1] <= maxFpr) {
                best = t;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    public static void main(String[] args) throws IOException {
        boolean tune = args.length > 0 && args[0].equals("tune");
        Embeddings embeddings = Embeddings.bundledModel();
        Vectors vectors = new Vectors(embeddings);

        List<Labelled> injection = injectionTraining();
        Feature[][] ix = features(GuardKind.INJECTION, injection, vectors.of(injection));
        double[] iy = labels(injection);
        boolean[] idec = decisive(GuardKind.INJECTION, injection);
        double[] oof = outOfFold(GuardKind.INJECTION, ix, iy, 5);
        double injectionThreshold = choose(oof, idec, iy, INJECTION_FPR);
        System.out.printf("injection: rules alone recall %.3f fpr %.3f; 5-fold at %.2f: recall %.3f fpr %.3f precision %.3f%n",
                rates(new double[oof.length], idec, iy, 2)[0], rates(new double[oof.length], idec, iy, 2)[1], injectionThreshold,
                rates(oof, idec, iy, injectionThreshold)[0], rates(oof, idec, iy, injectionThreshold)[1],
                rates(oof, idec, iy, injectionThreshold)[2]);
        Model injectionModel = GuardModel.learn(ix, iy, size(GuardKind.INJECTION), C);
        List<Labelled> transfer = read(Path.of("src/test/resources/eval/guard/injection-transfer.csv"), Set.of("injection"));
        double[] tp = probabilities(injectionModel, features(GuardKind.INJECTION, transfer, vectors.of(transfer)));
        double[] tr = rates(tp, decisive(GuardKind.INJECTION, transfer), labels(transfer), injectionThreshold);
        for (double t = 0.2; t < 0.7; t += 0.05) {
            double[] r = rates(oof, idec, iy, t);
            System.out.printf("  injection 5-fold at %.2f: recall %.3f fpr %.3f%n", t, r[0], r[1]);
        }
        System.out.printf("injection transfer set (n=%d): recall %.3f fpr %.3f%n", transfer.size(), tr[0], tr[1]);
        if (tune) {
            for (int i = 0; i < transfer.size(); i++) {
                boolean flagged = decisive(GuardKind.INJECTION, List.of(transfer.get(i)))[0] || tp[i] >= injectionThreshold;
                if (flagged != transfer.get(i).positive()) {
                    System.out.printf("  wrong (p=%.2f): %s%n", tp[i], transfer.get(i).text());
                }
            }
        }

        List<Labelled> toxicity = toxicityTraining();
        Feature[][] tx = features(GuardKind.TOXICITY, toxicity, vectors.of(toxicity));
        double[] ty = labels(toxicity);
        Model toxicityModel = GuardModel.learn(tx, ty, size(GuardKind.TOXICITY), C);
        List<Labelled> dev = read(OFFENSIVE.resolve("dev.csv"), Set.of("offensive"));
        double[] dp = probabilities(toxicityModel, features(GuardKind.TOXICITY, dev, vectors.of(dev)));
        boolean[] ddec = decisive(GuardKind.TOXICITY, dev);
        double[] dy = labels(dev);
        double toxicityThreshold = choose(dp, ddec, dy, TOXICITY_FPR);
        System.out.printf("toxicity: lexicon alone on dev recall %.3f fpr %.3f%n", rates(new double[dp.length], ddec, dy, 2)[0],
                rates(new double[dp.length], ddec, dy, 2)[1]);
        for (double t : new double[] {0.2, 0.3, 0.4, 0.5, toxicityThreshold}) {
            double[] r = rates(dp, ddec, dy, t);
            System.out.printf("toxicity dev at %.2f: recall %.3f fpr %.3f precision %.3f%n", t, r[0], r[1], r[2]);
        }
        if (tune) {
            return;
        }
        Path dir = Path.of("src/main/resources");
        Files.writeString(dir.resolve(GuardKind.INJECTION.modelResource()),
                new GuardModel(injectionModel, injectionThreshold, fingerprint(GuardKind.INJECTION, injection)).toText());
        Files.writeString(dir.resolve(GuardKind.TOXICITY.modelResource()),
                new GuardModel(toxicityModel, toxicityThreshold, fingerprint(GuardKind.TOXICITY, toxicity)).toText());
        System.out.println("wrote " + GuardKind.INJECTION.modelResource() + " and " + GuardKind.TOXICITY.modelResource());
    }

    static double[] probabilities(Model model, Feature[][] x) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = GuardModel.probability(model, x[i]);
        }
        return p;
    }
}
