package dev.tandem.answering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.KnowledgeSearch;
import dev.tandem.knowledge.Passage;
import dev.tandem.knowledge.SearchTerms;

/**
 * Decides whether the knowledge base answers a customer's question and, if it does, quotes the
 * answer. Never more than the knowledge says: an answer is the article's own words
 * ({@link ExtractiveAnswer}), and when the evidence is weak the answer is "I don't know".
 * Internal articles are never searched.
 */
final class GroundedAnswers {

    static final int PASSAGES = 20;
    /** Passages of the answering article LLM mode may write from: its best three carry the answer. */
    static final int EVIDENCE = 3;

    private final KnowledgeSearch knowledge;
    private final AnswerConfidence confidence;

    GroundedAnswers(KnowledgeSearch knowledge, AnswerConfidence confidence) {
        this.knowledge = knowledge;
        this.confidence = confidence;
    }

    /** What the assistant makes of one question. */
    Answer answer(String question, String language) {
        if (!knowledge.answersCustomersIn(language)) {
            return Answer.notInLanguage(language);
        }
        List<Passage> passages = knowledge.search(question, language, Audience.CUSTOMER, PASSAGES);
        List<Candidate> candidates = candidates(passages, question, language, knowledge);
        if (candidates.isEmpty()) {
            return Answer.dontKnow(language, 0);
        }
        Candidate best = candidates.get(0);
        Candidate runnerUp = candidates.size() > 1 ? candidates.get(1) : null;
        double probability = confidence.probability(best, runnerUp);
        if (probability < confidence.answerAt()) {
            return Answer.dontKnow(language, probability);
        }
        if (runnerUp != null && Math.abs(best.similarity() - runnerUp.similarity()) < confidence.clarifyMargin()
                && confidence.probability(runnerUp, best) >= confidence.answerAt()
                && !best.passage().title().equalsIgnoreCase(runnerUp.passage().title())) {
            return new Answer(Answer.Kind.CLARIFIED, language,
                    String.format(Phrases.in(language).clarify(), best.passage().title(), runnerUp.passage().title()),
                    List.of(best.passage(), runnerUp.passage()), probability);
        }
        List<Passage> evidence = passages.stream()
            .filter(passage -> passage.articleId().equals(best.passage().articleId()))
            .limit(EVIDENCE)
            .toList();
        String quoted = ExtractiveAnswer.from(evidence, question, language);
        if (quoted.isBlank()) {
            return Answer.dontKnow(language, probability);
        }
        return new Answer(Answer.Kind.ANSWERED, language, quoted, List.of(best.passage()), probability, evidence);
    }

    /**
     * One candidate per article, in the fused ranking's order: its best passage, the article's best
     * similarity to the question, and how much of the question the article's passages and title
     * hold: the share of its terms, the share weighted by how telling each term is, and the most
     * telling term it lacks.
     */
    static List<Candidate> candidates(List<Passage> passages, String question, String language,
            KnowledgeSearch knowledge) {
        Set<String> asked = new LinkedHashSet<>(SearchTerms.of(question, language));
        Map<String, Passage> bestPassage = new LinkedHashMap<>();
        Map<String, Double> similarity = new HashMap<>();
        Map<String, Set<String>> termsOf = new HashMap<>();
        for (Passage passage : passages) {
            String id = passage.articleId();
            bestPassage.putIfAbsent(id, passage);
            double s = Double.isNaN(passage.similarity()) ? 0 : passage.similarity();
            similarity.merge(id, s, Math::max);
            Set<String> terms = termsOf.computeIfAbsent(id, x -> new HashSet<>(termsOf(passage.title(), language)));
            terms.addAll(termsOf(passage.text(), language));
        }
        Map<String, Double> rarity = new HashMap<>();
        asked.forEach(term -> rarity.put(term, knowledge.rarity(term, language)));
        double total = rarity.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Candidate> candidates = new ArrayList<>(bestPassage.size());
        bestPassage.forEach((id, passage) -> {
            Set<String> terms = termsOf.get(id);
            int found = 0;
            double weighed = 0;
            double rarestMissing = 0;
            for (String term : asked) {
                if (terms.contains(term)) {
                    found++;
                    weighed += rarity.get(term);
                } else {
                    rarestMissing = Math.max(rarestMissing, rarity.get(term));
                }
            }
            candidates.add(new Candidate(passage, similarity.get(id), asked.isEmpty() ? 0 : (double) found / asked.size(),
                    total == 0 ? 0 : weighed / total, rarestMissing));
        });
        return candidates;
    }

    /**
     * Passages come back again and again (the popular questions hit the same articles): their terms
     * are analysed once, not on every question.
     */
    private static final Cache<String, Set<String>> PASSAGE_TERMS = Caffeine.newBuilder().maximumSize(20_000).build();

    private static Set<String> termsOf(String text, String language) {
        return PASSAGE_TERMS.get(language + '\u0000' + text, key -> Set.copyOf(SearchTerms.of(text, language)));
    }

    /** An article that may answer: its best-ranked passage and how well the article matches the question. */
    record Candidate(Passage passage, double similarity, double coverage, double weightedCoverage,
            double rarestMissing) {
    }
}
