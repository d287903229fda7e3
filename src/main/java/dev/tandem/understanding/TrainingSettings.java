package dev.tandem.understanding;

import de.bwaldvogel.liblinear.SolverType;

/**
 * The knobs of intent training, chosen on Banking77 (a stratified validation slice of its train
 * split) and on CLINC150's validation split; see docs/architecture.md, "Intents".
 */
record TrainingSettings(SolverType solver, double c, FeatureWeights blocks, int charMin, int charMax,
        boolean stem) {

    /**
     * Crammer-Singer multi-class SVM, C = 0.5, the embedding weighted 2 against word uni- and
     * bigrams, no character n-grams, no stemming: the best of the sweep on three Banking77 folds
     * (0.931; character n-grams and stemming within 0.001 of it), and 3-4 times faster to train than
     * one-vs-rest models.
     */
    static final TrainingSettings CHOSEN = new TrainingSettings(SolverType.MCSVM_CS, 0.5, new FeatureWeights(2, 1, 0),
            0, 0, false);
}
