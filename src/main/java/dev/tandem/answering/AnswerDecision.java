package dev.tandem.answering;

import java.util.ArrayList;
import java.util.List;

import dev.tandem.answering.GroundedAnswers.Candidate;

/**
 * Whether the knowledge answers a question, decided on how clearly the best article stands out from
 * the rest rather than on a fixed similarity level: two logistic models over what retrieval sees of the
 * three best articles, fitted on tuning questions of two sources (Northwind dev and chat-style dev on
 * the demo knowledge, the tune split of the FAQ paraphrases; docs/architecture.md, "The decision to
 * answer", and docs/experiments/answer-decision-fit.py).
 *
 * <ul>
 * <li>{@code answer}: how likely the best article is right. Its similarity to the question, its margins
 * over the second and third (cosine, fused score, and the share of the question's telling words it holds
 * that they do not), how much of the question it holds.</li>
 * <li>{@code inScope}: how likely one of the best three is right, from the best article alone: the
 * question is about something the knowledge covers.</li>
 * </ul>
 * Answer when the first says so; else, when the question is in scope and two or three articles fit, offer
 * them as choices; else "I don't know". With a model configured, every question not clearly out of scope
 * ({@code inScope} at least {@code modelFrom}) goes to the model with the best passages.
 *
 * @param answerAt answer at or above this probability that the best article is right
 * @param suggestAt offer the best articles as choices at or above this probability that one is right
 * @param modelFrom below this probability that one of the best three is right, a question is out of
 *     scope: not even a model is asked
 * @param answerFrom nor is a question answered below this probability that one of the best three is
 *     right, however clearly its best article stands out: in a language with few articles the
 *     runners-up are far from everything, and a margin over them says nothing
 * @param thirdWithin the third article joins the choices when its similarity is this close to the best's
 */
record AnswerDecision(Logistic answer, Logistic inScope, double answerAt, double suggestAt, double modelFrom,
        double answerFrom, double thirdWithin) {

    /** Chosen on the tuning sets (wrong answers at most 0.05 on each); see the class comment. */
    static final AnswerDecision CHOSEN = new AnswerDecision(
            new Logistic(new double[] { 1.4878, 0.732, 0.4267, 0.1854, -0.1422, 0.3826, -0.185, 0.7881 }, 0.6874,
                    new double[] { 0.7861, 0.0577, 0.0777, 0.2032, 0.5745, 0.4923, 4.9228, 0.1253 },
                    new double[] { 0.1093, 0.056, 0.0616, 0.1006, 0.2678, 0.2845, 1.999, 0.2349 }),
            new Logistic(new double[] { 1.825, -0.0787, 0.8966, -0.2575 }, 0.9136,
                    new double[] { 0.7861, 0.5745, 0.4923, 4.9228 },
                    new double[] { 0.1093, 0.2678, 0.2845, 1.999 }),
            0.67, 0.85, 0.30, 0.50, 0.03);

    enum Verdict {
        ANSWER,
        SUGGEST,
        ABSTAIN
    }

    /**
     * @param probability that the best article is right
     * @param inScopeProbability that one of the best three is right
     * @param choices the articles to offer (SUGGEST), best first; the best alone otherwise
     */
    record Decision(Verdict verdict, double probability, double inScopeProbability, List<Candidate> choices) {

        Decision {
            choices = List.copyOf(choices);
        }

        /** Not clearly out of scope: with a model configured, it is asked. */
        boolean worthAModel(AnswerDecision decision) {
            return inScopeProbability >= decision.modelFrom();
        }
    }

    /** A logistic model over standardised features. */
    record Logistic(double[] weights, double bias, double[] means, double[] deviations) {

        double probability(double[] features) {
            double z = bias;
            for (int i = 0; i < features.length; i++) {
                z += weights[i] * (features[i] - means[i]) / deviations[i];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    /**
     * Questions carried into English by a glossary read as word lists ("how long arrived order standard
     * shipping"), and the best article of one is rarely as sure as that of a question typed in English: on the
     * cross-lingual tuning questions (150, five languages) suggesting from 0.85 offered choices to none of them;
     * from 0.50, choices with a right article to 0.24 of the answerable ones while "I don't know" to the
     * unanswerable ones stayed at or above 0.90 in every language (0.40 took it below in three). Leaving one
     * language out at a time chooses 0.50 each time. Answering stays at {@code answerAt}: lower levels answered
     * a few more (0.34 to 0.38 at 0.55) but wrongly more than 0.05 of the French questions.
     */
    static final double CARRIED_SUGGEST_AT = 0.50;

    /** The same models deciding for questions carried into English by a glossary. */
    AnswerDecision forCarriedQuestions() {
        return at(answerAt, Math.min(suggestAt, CARRIED_SUGGEST_AT));
    }

    /** The same models deciding at other levels (tuning). */
    AnswerDecision at(double answerAt, double suggestAt) {
        return new AnswerDecision(answer, inScope, answerAt, suggestAt, modelFrom, answerFrom, thirdWithin);
    }

    /** What to do with a question whose articles, best first, are {@code candidates} (not empty). */
    Decision decide(List<Candidate> candidates) {
        Candidate best = candidates.get(0);
        double p = answer.probability(answerFeatures(candidates));
        double scope = inScope.probability(scopeFeatures(best));
        if (p >= answerAt && scope >= answerFrom) {
            return new Decision(Verdict.ANSWER, p, scope, List.of(best));
        }
        List<Candidate> choices = choices(candidates);
        if (scope >= suggestAt && choices.size() >= 2) {
            return new Decision(Verdict.SUGGEST, p, scope, choices);
        }
        return new Decision(Verdict.ABSTAIN, p, scope, List.of(best));
    }

    /** The best two articles, and the third when it is about as close: with distinct titles. */
    private List<Candidate> choices(List<Candidate> candidates) {
        List<Candidate> choices = new ArrayList<>(3);
        for (Candidate candidate : candidates) {
            boolean sameTitle = choices.stream()
                .anyMatch(c -> c.passage().title().equalsIgnoreCase(candidate.passage().title()));
            if (sameTitle) {
                continue;
            }
            if (choices.size() == 2
                    && candidates.get(0).similarity() - candidate.similarity() > thirdWithin) {
                break;
            }
            choices.add(candidate);
            if (choices.size() == 3) {
                break;
            }
        }
        return choices;
    }

    /**
     * Similarity of the best; its margins in similarity over the second and third; its fused score's
     * margin over the second's, relative; its coverage and weighted coverage; the rarest word it lacks;
     * its weighted coverage's margin over the second's.
     */
    static double[] answerFeatures(List<Candidate> candidates) {
        Candidate best = candidates.get(0);
        Candidate second = candidates.size() > 1 ? candidates.get(1) : null;
        Candidate third = candidates.size() > 2 ? candidates.get(2) : null;
        double s1 = best.similarity();
        double s2 = second == null ? 0 : second.similarity();
        double s3 = third == null ? 0 : third.similarity();
        double f1 = best.passage().score();
        double f2 = second == null ? 0 : second.passage().score();
        double fusedMargin = f1 > 0 ? (f1 - f2) / f1 : 0;
        double weightedGap = best.weightedCoverage() - (second == null ? 0 : second.weightedCoverage());
        return new double[] { s1, s1 - s2, s1 - s3, fusedMargin, best.coverage(), best.weightedCoverage(),
                best.rarestMissing(), weightedGap };
    }

    static double[] scopeFeatures(Candidate best) {
        return new double[] { best.similarity(), best.coverage(), best.weightedCoverage(), best.rarestMissing() };
    }
}
