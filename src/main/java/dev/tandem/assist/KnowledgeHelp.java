package dev.tandem.assist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tandem.ai.Embeddings;
import dev.tandem.answering.CustomerDetails;
import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.Glossary;
import dev.tandem.knowledge.KnowledgeSearch;
import dev.tandem.knowledge.Passage;

/**
 * The knowledge the assist panel shows for a customer message: the best passage of each of the most
 * relevant articles, public and internal (an agent may read internal articles), best first. One passage
 * per article: three passages of one article would hide the second-best article, and the agent opens
 * the article anyway. The customer's own details (email, order or phone number) are cut from the query
 * first, as the assistant's search does ({@link CustomerDetails}); a question in a language with few articles
 * of its own is carried into English with the {@link Glossary}. {@code eval assist} measures this
 * very class, so its figure is the panel's.
 */
final class KnowledgeHelp {

    /** Passages searched to fill the panel with distinct articles; chunks of one article cluster. */
    static final int DEPTH = 40;

    /** Distinct articles reranked: enough to reach past near-duplicate articles, few enough to stay cheap. */
    static final int RERANKED = 8;

    static final double SIMILARITY_WEIGHT = 1.0;

    /**
     * Below this many articles in the message's language, the panel searches the English knowledge with the
     * question carried into English by the glossary (the assistant's rule, answering's {@code DECIDES_ALONE_FROM}).
     */
    static final int OWN_LANGUAGE_FROM = 10;

    private final KnowledgeSearch search;

    private final Embeddings embeddings;

    KnowledgeHelp(KnowledgeSearch search, Embeddings embeddings) {
        this.search = search;
        this.embeddings = embeddings;
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    /**
     * English passages found for a question in another language, each replaced by the best passage of the
     * article's translation into that language where one exists: the agent answers the customer in it.
     */
    private List<Passage> inTheirLanguage(List<Passage> english, String message, String language) {
        List<Passage> translated = new ArrayList<>(english.size());
        Map<String, List<Passage>> ownPassages = new HashMap<>();
        for (Passage passage : english) {
            Optional<String> translation = search.translationOf(passage.articleId(), language);
            Optional<Passage> own = translation.flatMap(id -> ownPassages
                .computeIfAbsent(language, l -> search.search(CustomerDetails.removedFrom(message), l, Audience.AGENT,
                        DEPTH))
                .stream()
                .filter(p -> p.articleId().equals(id))
                .findFirst()
                .map(p -> new Passage(p.articleId(), p.title(), p.headingPath(), p.text(), passage.score(),
                        passage.similarity())));
            translated.add(own.orElse(passage));
        }
        return translated;
    }

    /** At most {@code n} passages from distinct articles, best first; none for a blank message. */
    List<Passage> passages(String message, String language, int n) {
        if (message == null || message.isBlank()) {
            return List.of();
        }
        String query = CustomerDetails.removedFrom(message);
        String asked = language;
        if (search.publicArticlesIn(language) < OWN_LANGUAGE_FROM) {
            // a question in a language with (almost) no articles: carried into English, as the assistant does
            Optional<String> english = Glossary.bundled().intoEnglish(query, language).filter(q -> !q.isBlank());
            if (english.isPresent()) {
                query = english.get();
                language = "en";
            }
        }
        List<Passage> found = search.search(query, language, Audience.AGENT, DEPTH);
        List<Passage> distinct = new ArrayList<>();
        Set<String> articles = new HashSet<>();
        for (Passage passage : found) {
            if (articles.add(passage.articleId())) {
                distinct.add(passage);
                if (distinct.size() == RERANKED) {
                    break;
                }
            }
        }
        if (distinct.isEmpty()) {
            return distinct;
        }
        // Rerank the best articles by fused score (relative to the best) plus the cosine similarity of
        // the query, embedded with bge's retrieval instruction, with each passage's title and text. On
        // the FAQ dev set this lifts recall@3 from 0.892 to 0.909 (weight 2: 0.905, 4: 0.896); the
        // passages' vectors are remembered by Embeddings, so a message costs one query embedding.
        double best = distinct.get(0).score();
        float[] queryVector = embeddings.embedQuery(query);
        Map<Passage, Double> blended = new HashMap<>();
        for (Passage passage : distinct) {
            double similarity = dot(queryVector, embeddings.embed(passage.title() + "\n" + passage.text()));
            blended.put(passage, passage.score() / best + SIMILARITY_WEIGHT * similarity);
        }
        distinct.sort((a, b) -> Double.compare(blended.get(b), blended.get(a)));
        List<Passage> best3 = distinct.subList(0, Math.min(n, distinct.size()));
        return List.copyOf(language.equals(asked) ? best3 : inTheirLanguage(best3, message, asked));
    }
}
