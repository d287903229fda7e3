package dev.tandem.answering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.Glossary;
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
    /** Passages LLM mode gets for a question the embedded decision did not answer: the best of the best articles. */
    static final int MODEL_PASSAGES = 5;

    /** The language questions are carried into when no article in their own answers them. */
    static final String KNOWLEDGE_LANGUAGE = "en";

    /**
     * The decision to answer reads how clearly the best article stands out from the rest, which it learned on
     * knowledge bases of dozens of articles. In a language with a handful (a few translations), the runners-up are
     * far from everything and every best article stands out: on the cross-lingual tuning questions the French
     * and German translations answered three questions wrongly with full confidence. Below this many articles,
     * a language the glossary carries into English is decided on the English knowledge.
     */
    static final int DECIDES_ALONE_FROM = 10;

    private final KnowledgeSearch knowledge;
    private final AnswerDecision decision;
    private final Glossary glossary;

    GroundedAnswers(KnowledgeSearch knowledge, AnswerDecision decision, Glossary glossary) {
        this.knowledge = knowledge;
        this.decision = decision;
        this.glossary = glossary;
    }

    /**
     * What the assistant makes of one question: the customer's own details (an email, an order or
     * phone number) are left out of what is searched and decided on ({@link CustomerDetails}). A
     * question no article in its language answers is carried into English with the {@link Glossary}
     * and answered from the English articles, saying so in the customer's language.
     */
    Answer answer(String message, String language) {
        String question = knowledge.spelledLikeTheArticles(CustomerDetails.removedFrom(message), language);
        boolean ownArticles = knowledge.answersCustomersIn(language);
        Optional<Answer> crossed = carriedIntoEnglish(question, language);
        if (crossed.isPresent() && knowledge.publicArticlesIn(language) < DECIDES_ALONE_FROM) {
            // too few articles in the language for its own margins to mean anything: the English knowledge decides,
            // and an answer from a translation stands where the English search found the article it translates
            Answer english = crossed.get();
            if (english.kind().answered() || !ownArticles) {
                return english;
            }
            Answer own = answerIn(question, language);
            return own.kind().answered() && englishAgrees(own, english) ? own : english;
        }
        Answer own = ownArticles ? answerIn(question, language) : null;
        if (crossed.isEmpty()) {
            return own != null ? own : Answer.notInLanguage(language);
        }
        if (own == null || crossed.get().kind().answered() && !own.kind().answered()) {
            return crossed.get();
        }
        return own.kind() == Answer.Kind.DONT_KNOW && crossed.get().kind() == Answer.Kind.SUGGESTED ? crossed.get()
                : own;
    }

    /** Whether the article an answer quotes translates one the English search found for the same question. */
    private boolean englishAgrees(Answer own, Answer english) {
        return knowledge.originalOf(own.sources().get(0).articleId())
            .filter(original -> Stream.concat(english.sources().stream(), english.evidence().stream())
                .anyMatch(passage -> passage.articleId().equals(original)))
            .isPresent();
    }

    /** The answer from the English articles to a question in another language, when its glossary can carry it. */
    private Optional<Answer> carriedIntoEnglish(String question, String language) {
        if (language.equals(KNOWLEDGE_LANGUAGE) || !knowledge.answersCustomersIn(KNOWLEDGE_LANGUAGE)) {
            return Optional.empty();
        }
        return glossary.intoEnglish(question, language)
            .filter(english -> !english.isBlank())
            .map(english -> answerIn(english, KNOWLEDGE_LANGUAGE, decision.forCarriedQuestions()))
            .map(english -> inTranslation(english, question, language).orElseGet(() -> english.givenIn(language)));
    }

    /** An answer from an English article quoted from its translation into the customer's language, when there is one. */
    private Optional<Answer> inTranslation(Answer english, String question, String language) {
        if (!english.kind().answered()) {
            return Optional.empty();
        }
        return knowledge.translationOf(english.sources().get(0).articleId(), language)
            .map(translation -> passagesOf(translation, question, language))
            .filter(passages -> !passages.isEmpty())
            .map(passages -> fromArticle(passages.get(0), passages, question, language, english.confidence()));
    }

    private Answer answerIn(String question, String language) {
        return answerIn(question, language, decision);
    }

    private Answer answerIn(String question, String language, AnswerDecision decision) {
        List<Passage> passages = knowledge.search(question, language, Audience.CUSTOMER, PASSAGES);
        List<Candidate> candidates = candidates(passages, question, language, knowledge);
        if (candidates.isEmpty()) {
            return Answer.dontKnow(language, 0);
        }
        AnswerDecision.Decision decided = decision.decide(candidates);
        // what a model may answer from when the embedded decision does not answer: nothing when out of scope
        List<Passage> forModel = decided.worthAModel(decision)
                ? passages.stream().limit(MODEL_PASSAGES).toList() : List.of();
        return switch (decided.verdict()) {
            case ANSWER -> {
                Passage best = decided.choices().get(0).passage();
                Answer quoted = fromArticle(best, passages, question, language, decided.probability());
                yield quoted != null ? quoted : Answer.dontKnow(language, decided.probability(), forModel);
            }
            case SUGGEST -> Answer.suggested(language,
                    decided.choices().stream().map(Candidate::passage).toList(), decided.probability(), forModel);
            case ABSTAIN -> Answer.dontKnow(language, decided.probability(), forModel);
        };
    }

    /**
     * The answer from one article the customer chose among the ones offered: quoted from its passages
     * that best match the question, or its opening when none of them came up.
     */
    Answer answerFrom(String articleId, String message, String language) {
        String question = CustomerDetails.removedFrom(message);
        List<Passage> passages = passagesOf(articleId, question, language);
        if (passages.isEmpty() && !language.equals(KNOWLEDGE_LANGUAGE)) {
            // an article offered from the English knowledge to a question in another language
            Optional<String> english = glossary.intoEnglish(question, language);
            if (english.isPresent()) {
                passages = passagesOf(articleId, english.get(), KNOWLEDGE_LANGUAGE);
                if (!passages.isEmpty()) {
                    Answer quoted = fromArticle(passages.get(0), passages, english.get(), KNOWLEDGE_LANGUAGE, 1);
                    return quoted != null ? quoted.givenIn(language) : Answer.dontKnow(language, 0);
                }
            }
        }
        if (passages.isEmpty()) {
            return Answer.dontKnow(language, 0);
        }
        Answer quoted = fromArticle(passages.get(0), passages, question, language, 1);
        return quoted != null ? quoted : Answer.dontKnow(language, 0);
    }

    private List<Passage> passagesOf(String articleId, String question, String language) {
        return knowledge.search(question, language, Audience.CUSTOMER, CHOSEN_SEARCH).stream()
            .filter(passage -> passage.articleId().equals(articleId))
            .toList();
    }

    /**
     * After an answer did not help: the next articles that fit the question (their best passages), up
     * to three, or none when the question fits nothing else well enough to offer.
     */
    List<Passage> alternatives(String message, String language, List<String> excluded) {
        if (!knowledge.answersCustomersIn(language)) {
            return List.of();
        }
        String question = CustomerDetails.removedFrom(message);
        List<Candidate> candidates = candidates(knowledge.search(question, language, Audience.CUSTOMER, PASSAGES),
                question, language, knowledge);
        if (candidates.isEmpty() || decision.decide(candidates).inScopeProbability() < decision.suggestAt()) {
            return List.of();
        }
        return candidates.stream()
            .filter(candidate -> !excluded.contains(candidate.passage().articleId()))
            .filter(candidate -> candidates.get(0).similarity() - candidate.similarity() <= ALTERNATIVE_WITHIN)
            .limit(3)
            .map(Candidate::passage)
            .toList();
    }

    /** Other articles offered after a "no" are at most this much less similar than the best one. */
    private static final double ALTERNATIVE_WITHIN = 0.08;

    /** Deep enough that a chosen article's passages are among the results. */
    private static final int CHOSEN_SEARCH = 200;

    private static Answer fromArticle(Passage best, List<Passage> passages, String question, String language,
            double probability) {
        List<Passage> evidence = passages.stream()
            .filter(passage -> passage.articleId().equals(best.articleId()))
            .limit(EVIDENCE)
            .toList();
        String quoted = ExtractiveAnswer.from(evidence, question, language);
        if (quoted.isBlank()) {
            return null;
        }
        return new Answer(Answer.Kind.ANSWERED, language, quoted, List.of(best), probability, evidence);
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
            Set<String> terms = termsOf.computeIfAbsent(id, x -> {
                Set<String> own = new HashSet<>(termsOf(passage.title(), language));
                // the questions an article is known to answer are part of what it covers
                knowledge.questionsOf(id).forEach(q -> own.addAll(termsOf(q, language)));
                return own;
            });
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
