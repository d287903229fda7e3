package dev.tandem.guardrails;

import java.util.Locale;

import dev.tandem.ai.Embeddings;

/** The learned guards on a customer's message, and where each one's rules and shipped model live. */
enum GuardKind {

    INJECTION("guardrails/injection.model"),
    TOXICITY("guardrails/toxicity.model");

    private final String model;

    GuardKind(String model) {
        this.model = model;
    }

    String modelResource() {
        return model;
    }

    Signals signals() {
        return this == INJECTION ? InjectionRules.bundled() : AbuseLexicon.bundled();
    }

    /** The rules with the shipped model; {@code threshold} NaN keeps the model's own. */
    GuardDetector detector(Embeddings embeddings, double threshold) {
        return new GuardDetector(signals(), GuardModel.shipped(model), embeddings, threshold);
    }

    static GuardKind named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--kind must be injection or toxicity, not '" + name + "'");
        }
    }
}
