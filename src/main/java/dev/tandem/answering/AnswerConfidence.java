package dev.tandem.answering;

/**
 * How likely the best article found answers the question: a logistic model over what retrieval
 * sees, fitted on tuning questions (Northwind dev set and the FAQ dev set with a third of its
 * answers held out, see docs/architecture.md, "Answering"). Cosine similarities of the bundled
 * model are comparable across questions but on their own cannot tell "about the same topic" from
 * "answers it"; the words of the question the article lacks, weighted by how telling they are,
 * carry most of the rest.
 *
 * @param weights per feature, for features standardised with {@code means} and {@code deviations}
 * @param bias the model's intercept
 * @param answerAt answer at or above this probability, else say "I don't know"
 * @param clarifyMargin two articles within this similarity of each other and both likely: ask which
 */
record AnswerConfidence(double[] weights, double bias, double[] means, double[] deviations, double answerAt,
        double clarifyMargin) {

    /** Features, in order: similarity, coverage, similarity gap to the runner-up, weighted coverage, rarest missing term. */
    static final AnswerConfidence CHOSEN = new AnswerConfidence(
            new double[] { 0.6788, -0.7429, 1.2988, 1.6241, 0.4854 }, 0.6386,
            new double[] { 0.7993, 0.5489, 0.0527, 0.4411, 4.7798 },
            new double[] { 0.0863, 0.2319, 0.0501, 0.2553, 1.7397 },
            0.6, 0.01);

    /** The same model deciding at another probability (tuning). */
    AnswerConfidence answeringAt(double probability) {
        return new AnswerConfidence(weights, bias, means, deviations, probability, clarifyMargin);
    }

    double probability(GroundedAnswers.Candidate best, GroundedAnswers.Candidate runnerUp) {
        double[] features = features(best, runnerUp);
        double z = bias;
        for (int i = 0; i < features.length; i++) {
            z += weights[i] * (features[i] - means[i]) / deviations[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    static double[] features(GroundedAnswers.Candidate best, GroundedAnswers.Candidate runnerUp) {
        double gap = runnerUp == null ? best.similarity() : best.similarity() - runnerUp.similarity();
        return new double[] { best.similarity(), best.coverage(), gap, best.weightedCoverage(), best.rarestMissing() };
    }
}
