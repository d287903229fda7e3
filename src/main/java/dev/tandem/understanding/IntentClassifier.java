package dev.tandem.understanding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A trained intent model: one linear score per label over the message's sentence embedding and its
 * TF-IDF word features, and the calibration that turns the best score into a confidence and an
 * out-of-scope decision.
 *
 * <p>Immutable and thread-safe. Scoring touches the 384 embedding rows and only the rows of the
 * terms the message contains, so it costs microseconds; the embedding is the expensive part and is
 * computed by the caller, once per message.
 */
final class IntentClassifier {

    static final int FORMAT = 1;

    /** The label, its confidence (0..1) and whether the message is outside every intent. */
    record Prediction(String label, double confidence, boolean outOfScope) {
    }

    private final List<String> labels;
    private final MessageFeatures features;
    /** One row of {@code labels.size()} weights per feature: embedding dimensions first, then text terms. */
    private final float[] weights;
    private final float[] bias;
    /** The label that means "none of these" in the training data, or null. */
    private final String outOfScopeLabel;
    private final Calibration calibration;

    IntentClassifier(List<String> labels, MessageFeatures features, float[] weights, float[] bias,
            String outOfScopeLabel, Calibration calibration) {
        this.labels = List.copyOf(labels);
        this.features = features;
        this.weights = weights;
        this.bias = bias;
        this.outOfScopeLabel = outOfScopeLabel;
        this.calibration = calibration;
    }

    List<String> labels() {
        return labels;
    }

    Calibration calibration() {
        return calibration;
    }

    String outOfScopeLabel() {
        return outOfScopeLabel;
    }

    IntentClassifier with(Calibration newCalibration) {
        return new IntentClassifier(labels, features, weights, bias, outOfScopeLabel, newCalibration);
    }

    /**
     * The best label, its confidence, and whether the message is out of scope: when the best label is
     * the out-of-scope label, or when the calibration rejects its score.
     */
    Prediction predict(float[] embedding, String message) {
        double[] scores = scores(embedding, message);
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        String label = labels.get(best);
        boolean outOfScope = label.equals(outOfScopeLabel) || calibration.rejects(scores[best]);
        return new Prediction(label, calibration.confidence(scores[best]), outOfScope);
    }

    /** The best label's raw score: what calibration is computed from. */
    double bestScore(float[] embedding, String message) {
        double best = Double.NEGATIVE_INFINITY;
        for (double score : scores(embedding, message)) {
            best = Math.max(best, score);
        }
        return best;
    }

    double[] scores(float[] embedding, String message) {
        int classes = labels.size();
        double[] scores = new double[classes];
        for (int k = 0; k < classes; k++) {
            scores[k] = bias[k];
        }
        TextFeatures.Sparse x = features.of(embedding, message);
        for (int i = 0; i < x.indices().length; i++) {
            addRow(scores, x.indices()[i], x.values()[i]);
        }
        return scores;
    }

    private void addRow(double[] scores, int feature, float value) {
        int row = feature * scores.length;
        for (int k = 0; k < scores.length; k++) {
            scores[k] += weights[row + k] * value;
        }
    }

    /** Bytes of the weights and vocabulary in memory, roughly: what a loaded model costs. */
    long approximateMemory() {
        return weights.length * 4L + bias.length * 4L + features.vocabularySize() * 80L;
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(labels.size());
            for (String label : labels) {
                out.writeUTF(label);
            }
            out.writeBoolean(outOfScopeLabel != null);
            if (outOfScopeLabel != null) {
                out.writeUTF(outOfScopeLabel);
            }
            calibration.write(out);
            features.write(out);
            out.writeInt(weights.length);
            for (float w : weights) {
                out.writeFloat(w);
            }
            for (float b : bias) {
                out.writeFloat(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static IntentClassifier fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown intent model format " + format);
            }
            int classes = in.readInt();
            List<String> labels = new ArrayList<>(classes);
            for (int k = 0; k < classes; k++) {
                labels.add(in.readUTF());
            }
            String outOfScopeLabel = in.readBoolean() ? in.readUTF() : null;
            Calibration calibration = Calibration.read(in);
            MessageFeatures features = MessageFeatures.read(in);
            float[] weights = new float[in.readInt()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            float[] bias = new float[classes];
            for (int k = 0; k < classes; k++) {
                bias[k] = in.readFloat();
            }
            return new IntentClassifier(labels, features, weights, bias, outOfScopeLabel, calibration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the intent model", e);
        }
    }
}
