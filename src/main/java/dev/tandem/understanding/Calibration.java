package dev.tandem.understanding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Where a model's best score stops meaning "one of our intents". A multi-class SVM's scores have
 * no fixed scale, so the threshold is read off examples the model did not see: the score under
 * which the chosen share of held-out in-scope examples falls. A message scoring below it is
 * unlike every intent, which is what out-of-scope messages are.
 *
 * <p>The confidence is a logistic of the distance to the threshold, in units of the typical
 * in-scope margin: 0.5 at the threshold, about 0.98 at the median held-out in-scope example. It
 * ranks messages and reads as a percentage, but it is not a probability.
 *
 * @param threshold best scores below it are out of scope (when {@code rejects})
 * @param spread median held-out in-scope score minus the threshold
 * @param rejects whether a low score makes a message out of scope (the evaluation of a set without
 *        out-of-scope examples measures the top label only)
 */
record Calibration(double threshold, double spread, boolean rejects) {

    /** For a model without held-out examples: nothing is rejected for its score. */
    static final Calibration NONE = new Calibration(0, 1, false);

    static Calibration fromHeldOut(double[] inScopeBestScores, double rejectShare, boolean rejects) {
        if (inScopeBestScores.length == 0) {
            return NONE;
        }
        double[] sorted = inScopeBestScores.clone();
        Arrays.sort(sorted);
        double threshold = sorted[(int) Math.floor(rejectShare * sorted.length)];
        double median = sorted[sorted.length / 2];
        double spread = median - threshold > 1e-6 ? median - threshold : 1;
        return new Calibration(threshold, spread, rejects);
    }

    boolean rejects(double bestScore) {
        return rejects && bestScore < threshold;
    }

    double confidence(double bestScore) {
        return 1 / (1 + Math.exp(-4 * (bestScore - threshold) / spread));
    }

    Calibration rejecting(boolean reject) {
        return new Calibration(threshold, spread, reject);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeDouble(threshold);
        out.writeDouble(spread);
        out.writeBoolean(rejects);
    }

    static Calibration read(DataInputStream in) throws IOException {
        return new Calibration(in.readDouble(), in.readDouble(), in.readBoolean());
    }
}
