package dev.tandem.understanding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.bwaldvogel.liblinear.SolverType;
import dev.tandem.ai.Embeddings;

/**
 * Not a test: the sweep that chose {@link TrainingSettings#CHOSEN}. Banking77 is tuned on a
 * stratified tenth of its train split, CLINC150 on its validation split; never on test data.
 * Embeddings are cached under /tmp so that a sweep costs only the linear models.
 */
public class IntentTuning {

    static final Embeddings EMBEDDINGS = Embeddings.bundledModel();

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/eval");
        String which = args.length > 1 ? args[1] : "both";
        List<TrainingSettings> grid = grid(args.length > 2 ? args[2] : "default");
        if (which.equals("memory")) {
            // Heap held by a loaded model: used heap after full GCs, with and without it.
            List<IntentExample> train = read(shared.resolve("clinc150/train.csv"));
            Map<String, float[]> vectors = embed("clinc150", train);
            byte[] stored = new IntentTrainer(TrainingSettings.CHOSEN)
                .train(train, train.stream().map(e -> vectors.get(e.text())).toList(), "oos").toBytes();
            long before = usedHeap();
            IntentClassifier loaded = IntentClassifier.fromBytes(stored);
            long after = usedHeap();
            System.out.printf(Locale.ROOT, "clinc150 model: %d bytes stored, %.1f MB of heap when loaded (%d labels)%n",
                    stored.length, (after - before) / 1e6, loaded.labels().size());
            return;
        }
        if (which.equals("split")) {
            // The Banking77 validation slice reported in docs/benchmarks.md: a stratified tenth of train.
            HeldOutSplit split = HeldOutSplit.of(read(shared.resolve("banking77/train.csv")), 10);
            write(Path.of("target/banking77-tune.csv"), split.train());
            write(Path.of("target/banking77-val.csv"), split.heldOut());
            return;
        }
        if (!which.equals("clinc")) {
            List<IntentExample> all = read(shared.resolve("banking77/train.csv"));
            Map<String, float[]> vectors = embed("banking77", all);
            for (TrainingSettings settings : grid) {
                // three folds of a tenth each: one fold's 965 examples cannot tell settings 0.5 points apart
                StringBuilder folds = new StringBuilder();
                int right = 0;
                int n = 0;
                double seconds = 0;
                for (int fold = 9; fold >= 7; fold--) {
                    HeldOutSplit split = HeldOutSplit.of(all, 10, fold);
                    long start = System.nanoTime();
                    IntentClassifier model = new IntentTrainer(settings).train(split.train(),
                            split.train().stream().map(e -> vectors.get(e.text())).toList(), null);
                    seconds += (System.nanoTime() - start) / 1e9;
                    int foldRight = 0;
                    for (IntentExample e : split.heldOut()) {
                        foldRight += model.predict(vectors.get(e.text()), e.text()).label().equals(e.label()) ? 1 : 0;
                    }
                    folds.append(String.format(Locale.ROOT, " %.4f", (double) foldRight / split.heldOut().size()));
                    right += foldRight;
                    n += split.heldOut().size();
                }
                System.out.printf(Locale.ROOT, "banking77 %s acc=%.4f (n=%d; folds%s) train %.1fs%n", settings,
                        (double) right / n, n, folds, seconds / 3);
            }
        }
        if (!which.equals("banking")) {
            List<IntentExample> train = read(shared.resolve("clinc150/train.csv"));
            List<IntentExample> val = read(shared.resolve("clinc150/val.csv"));
            List<IntentExample> both = new ArrayList<>(train);
            both.addAll(val);
            Map<String, float[]> vectors = embed("clinc150", both);
            for (TrainingSettings settings : grid) {
                // As IntentModelBuilder does: calibrate on a held-out tenth, apply to the model trained on all.
                HeldOutSplit split = HeldOutSplit.of(train, IntentModelBuilder.HELD_OUT_EVERY);
                IntentTrainer trainer = new IntentTrainer(settings);
                IntentClassifier trial = trainer.train(split.train(),
                        split.train().stream().map(e -> vectors.get(e.text())).toList(), "oos");
                double[] inScope = split.heldOut().stream().filter(e -> !e.label().equals("oos"))
                    .mapToDouble(e -> trial.bestScore(vectors.get(e.text()), e.text())).toArray();
                IntentClassifier full = trainer.train(train, train.stream().map(e -> vectors.get(e.text())).toList(),
                        "oos");
                StringBuilder line = new StringBuilder();
                for (double share : new double[] { 0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04 }) {
                    IntentClassifier model = full.with(Calibration.fromHeldOut(inScope, share, true));
                    int in = 0;
                    int inRight = 0;
                    int oos = 0;
                    int found = 0;
                    int said = 0;
                    for (IntentExample e : val) {
                        IntentClassifier.Prediction p = model.predict(vectors.get(e.text()), e.text());
                        said += p.outOfScope() ? 1 : 0;
                        if (e.label().equals("oos")) {
                            oos++;
                            found += p.outOfScope() ? 1 : 0;
                        } else {
                            in++;
                            inRight += !p.outOfScope() && p.label().equals(e.label()) ? 1 : 0;
                        }
                    }
                    line.append(String.format(Locale.ROOT, "%n    share %.3f: in-scope %.4f oos recall %.2f precision %.2f",
                            share, (double) inRight / in, (double) found / oos, (double) found / Math.max(1, said)));
                }
                System.out.printf(Locale.ROOT, "clinc %s%s%n", settings, line);
            }
        }
    }

    static List<TrainingSettings> grid(String name) {
        List<TrainingSettings> grid = new ArrayList<>();
        switch (name) {
            case "default" -> grid.add(TrainingSettings.CHOSEN);
            default -> {
                // name like "LR:10:1,1,1:2,5;SVC:1:1,1,0:0,0"
                for (String spec : name.split(";")) {
                    String[] p = spec.split(":");
                    SolverType solver = switch (p[0]) {
                        case "LR" -> SolverType.L2R_LR;
                        case "LRD" -> SolverType.L2R_LR_DUAL;
                        case "SVC" -> SolverType.L2R_L2LOSS_SVC_DUAL;
                        case "SVC1" -> SolverType.L2R_L1LOSS_SVC_DUAL;
                        case "CS" -> SolverType.MCSVM_CS;
                        default -> throw new IllegalArgumentException(p[0]);
                    };
                    // SOLVER:C:embedding,words,chars:charMin,charMax
                    String[] w = p[2].split(",");
                    String[] ch = p[3].split(",");
                    grid.add(new TrainingSettings(solver, Double.parseDouble(p[1]),
                            new FeatureWeights(Float.parseFloat(w[0]), Float.parseFloat(w[1]), Float.parseFloat(w[2])),
                            Integer.parseInt(ch[0]), Integer.parseInt(ch[1]), p.length > 4 && p[4].equals("stem")));
                }
            }
        }
        return grid;
    }

    static List<IntentExample> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return IntentCsv.read(reader);
        }
    }

    static Map<String, float[]> embed(String name, List<IntentExample> examples) throws IOException {
        List<String> texts = examples.stream().map(IntentExample::text).distinct().toList();
        Path cache = Path.of("/tmp/intent-cache", name + ".bin");
        Map<String, float[]> vectors = new HashMap<>();
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String text = in.readUTF();
                    float[] v = new float[Embeddings.DIMENSIONS];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = in.readFloat();
                    }
                    vectors.put(text, v);
                }
            }
            if (vectors.keySet().containsAll(texts)) {
                return vectors;
            }
        }
        long start = System.nanoTime();
        List<float[]> embedded = EMBEDDINGS.embedPassages(texts);
        System.out.printf(Locale.ROOT, "embedded %d texts in %.1f s%n", texts.size(), (System.nanoTime() - start) / 1e9);
        Files.createDirectories(cache.getParent());
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
            out.writeInt(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                out.writeUTF(texts.get(i));
                for (float f : embedded.get(i)) {
                    out.writeFloat(f);
                }
                vectors.put(texts.get(i), embedded.get(i));
            }
        }
        return vectors;
    }

    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static void write(Path file, List<IntentExample> examples) throws IOException {
        try (var printer = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(file),
                org.apache.commons.csv.CSVFormat.RFC4180)) {
            printer.printRecord("text", "label");
            for (IntentExample e : examples) {
                printer.printRecord(e.text(), e.label());
            }
        }
    }
}
