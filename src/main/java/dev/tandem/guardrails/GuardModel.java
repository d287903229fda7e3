package dev.tandem.guardrails;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A learned guard: a logistic regression over {@link TextFeatures} and the probability from which it
 * reports a finding, chosen on data it did not learn from. Learned once by {@code ShipGuardModels} (a test
 * class, from the public data sets) and shipped in the jar as text ({@code guardrails/*.model}: a header with
 * the threshold and the fingerprint of what it was learned from, then liblinear's own model text), so that
 * nothing is learned at start.
 */
final class GuardModel {

    static {
        Linear.disableDebugOutput();
    }

    /** Bump when {@link TextFeatures} or the rules' signals change: the shipped models must be learned again. */
    static final int FORMAT = 1;

    private final Model model;
    private final double threshold;
    private final String fingerprint;

    GuardModel(Model model, double threshold, String fingerprint) {
        this.model = model;
        this.threshold = threshold;
        this.fingerprint = fingerprint;
    }

    static Model learn(Feature[][] x, double[] y, int size, double c) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = size;
        problem.x = x;
        problem.y = y;
        problem.bias = 1;
        return Linear.train(problem, new Parameter(SolverType.L2R_LR, c, 0.001));
    }

    /** The probability that the text is of the guarded kind (label 1). */
    static double probability(Model model, Feature[] x) {
        double[] p = new double[model.getNrClass()];
        Linear.predictProbability(model, x, p);
        int[] labels = model.getLabels();
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] == 1) {
                return p[k];
            }
        }
        return 0;
    }

    double probability(Feature[] x) {
        return probability(model, x);
    }

    double threshold() {
        return threshold;
    }

    String fingerprint() {
        return fingerprint;
    }

    String toText() {
        StringWriter text = new StringWriter();
        text.append("# learned by ShipGuardModels; do not edit\n");
        text.append("format ").append(String.valueOf(FORMAT)).append('\n');
        text.append("threshold ").append(String.valueOf(threshold)).append('\n');
        text.append("fingerprint ").append(fingerprint).append('\n');
        try {
            Linear.saveModel(text, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The model shipped as this class-path resource, or empty when none ships (or of another format). */
    static Optional<GuardModel> shipped(String resource) {
        try (InputStream in = GuardModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int format = -1;
            double threshold = 0.5;
            String fingerprint = "";
            StringBuilder rest = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                } else if (line.startsWith("format ")) {
                    format = Integer.parseInt(line.substring(7).strip());
                } else if (line.startsWith("threshold ")) {
                    threshold = Double.parseDouble(line.substring(10).strip());
                } else if (line.startsWith("fingerprint ")) {
                    fingerprint = line.substring(12).strip();
                } else {
                    rest.append(line).append('\n');
                }
            }
            if (format != FORMAT) {
                return Optional.empty();
            }
            return Optional.of(new GuardModel(Linear.loadModel(new StringReader(rest.toString())), threshold, fingerprint));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }
}
