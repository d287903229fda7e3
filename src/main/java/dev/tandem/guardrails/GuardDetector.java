package dev.tandem.guardrails;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.liblinear.Feature;
import dev.tandem.ai.Embeddings;

/**
 * One guard on the input: hand-written rules ({@link Signals}) and, when one ships, a learned model
 * ({@link GuardModel}) that weighs the rules with the message's meaning and its character grams. A finding
 * is a decisive rule, or the model's probability at or above its threshold.
 */
final class GuardDetector {

    /**
     * @param flagged whether the guard reports a finding
     * @param probability the model's probability (1 for a decisive rule without a model)
     * @param rules the rules that matched, decisive first
     */
    record Judgement(boolean flagged, double probability, List<String> rules) {
    }

    private final Signals signals;
    private final Optional<GuardModel> model;
    private final TextFeatures features;
    private final Embeddings embeddings;
    private final double threshold;

    /** @param threshold the model's probability from which it reports; NaN for the one the model shipped with */
    GuardDetector(Signals signals, Optional<GuardModel> model, Embeddings embeddings, double threshold) {
        this.signals = signals;
        this.model = model;
        this.features = new TextFeatures(signals.size());
        this.embeddings = embeddings;
        this.threshold = Double.isNaN(threshold) ? model.map(GuardModel::threshold).orElse(0.5) : threshold;
    }

    double threshold() {
        return threshold;
    }

    Signals signals() {
        return signals;
    }

    TextFeatures features() {
        return features;
    }

    boolean learned() {
        return model.isPresent();
    }

    Judgement judge(String text) {
        String normalised = TextNormaliser.normalise(text);
        Signals.Reading reading = signals.read(normalised);
        List<String> rules = reading.matched();
        if (model.isEmpty()) {
            return new Judgement(!reading.decisive().isEmpty(), reading.decisive().isEmpty() ? 0 : 1, rules);
        }
        // the passage form through the shared memory: the policy and the intent classifier embed this text too
        Feature[] x = features.of(embeddings.embed(text), reading.values(), normalised);
        double p = model.get().probability(x);
        return new Judgement(!reading.decisive().isEmpty() || p >= threshold, p, rules);
    }
}
