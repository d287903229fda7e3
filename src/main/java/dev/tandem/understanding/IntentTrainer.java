package dev.tandem.understanding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Fits an {@link IntentClassifier} to embedded examples with liblinear (one-vs-rest linear models).
 * The embeddings are computed by the caller, because that is the slow, parallel part and the
 * caller reports its progress.
 */
final class IntentTrainer {

    static {
        Linear.disableDebugOutput();
    }

    private final TrainingSettings settings;

    IntentTrainer(TrainingSettings settings) {
        this.settings = settings;
    }

    /**
     * @param embeddings one vector per example, in order
     * @param outOfScopeLabel the label that means "no intent" in the examples, or null
     * @return a model without calibration: {@link IntentModelBuilder} adds it from held-out examples
     */
    IntentClassifier train(List<IntentExample> examples, List<float[]> embeddings, String outOfScopeLabel) {
        List<String> labels = examples.stream().map(IntentExample::label).distinct().sorted().toList();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("at least two labels are needed to train, found " + labels.size());
        }
        Map<String, Integer> classOf = new HashMap<>();
        for (String label : labels) {
            classOf.put(label, classOf.size());
        }
        MessageFeatures features = MessageFeatures.fit(examples.stream().map(IntentExample::text).toList(), settings);

        Problem problem = new Problem();
        problem.l = examples.size();
        int rows = features.size();
        // liblinear-java counts the bias as the last feature, and each example must carry it.
        problem.n = rows + 1;
        problem.bias = 1;
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            problem.x[i] = liblinear(features.of(embeddings.get(i), examples.get(i).text()), rows + 1);
            problem.y[i] = classOf.get(examples.get(i).label());
        }
        Model model = Linear.train(problem, new Parameter(settings.solver(), settings.c(), settings.solver() == SolverType.L2R_LR ? 0.01 : 0.1));

        int classes = labels.size();
        float[] weights = new float[rows * classes];
        float[] bias = new float[classes];
        double[] w = model.getFeatureWeights();
        int[] order = model.getLabels();
        int perRow = model.getNrClass() == 2 ? 1 : model.getNrClass();
        for (int j = 0; j < perRow; j++) {
            int k = order[j];
            for (int f = 0; f < rows; f++) {
                weights[f * classes + k] = (float) w[f * perRow + j];
            }
            bias[k] = (float) w[rows * perRow + j];
        }
        if (perRow == 1) {
            // Two classes: liblinear keeps one vector, positive for its first label.
            int first = order[0];
            int second = order[1];
            for (int f = 0; f < rows; f++) {
                weights[f * classes + second] = -weights[f * classes + first];
            }
            bias[second] = -bias[first];
        }
        return new IntentClassifier(labels, features, weights, bias, outOfScopeLabel, Calibration.NONE);
    }

    private static Feature[] liblinear(TextFeatures.Sparse features, int biasIndex) {
        Feature[] nodes = new Feature[features.indices().length + 1];
        for (int i = 0; i < features.indices().length; i++) {
            nodes[i] = new FeatureNode(features.indices()[i] + 1, features.values()[i]);
        }
        nodes[nodes.length - 1] = new FeatureNode(biasIndex, 1);
        return nodes;
    }
}
