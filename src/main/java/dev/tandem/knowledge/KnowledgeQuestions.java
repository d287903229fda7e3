package dev.tandem.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** "Try a question" for curators and agents: a search with its input checked, each passage with its article. */
@Service
class KnowledgeQuestions {

    private final KnowledgeSearch search;
    private final ArticleRepository articles;

    KnowledgeQuestions(KnowledgeSearch search, ArticleRepository articles) {
        this.search = search;
        this.articles = articles;
    }

    record Question(String query, String language, Audience audience, int k) {

        /** The question as asked over HTTP, or a 400 naming what is wrong. */
        static Question of(String query, String language, String audience, int k) {
            String q = query == null ? "" : query.strip();
            if (q.isEmpty() || q.length() > KnowledgeSearchApi.MAX_QUERY) {
                throw ArticleProblems.invalid("q must be a question of 1 to " + KnowledgeSearchApi.MAX_QUERY
                        + " characters.");
            }
            String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
            if (!lang.matches("[a-z]{2}")) {
                throw ArticleProblems.invalid("language must be a two-letter ISO 639-1 code such as 'en' (got '"
                        + language + "').");
            }
            Audience who = switch (audience == null ? "" : audience.strip().toLowerCase(Locale.ROOT)) {
                case "customer" -> Audience.CUSTOMER;
                case "agent" -> Audience.AGENT;
                default -> throw ArticleProblems.invalid("audience must be 'customer' (public articles only) or "
                        + "'agent' (internal articles too), got '" + audience + "'.");
            };
            if (k < 1 || k > KnowledgeSearchApi.MAX_K) {
                throw ArticleProblems.invalid("k must be from 1 to " + KnowledgeSearchApi.MAX_K + " (got " + k + ").");
            }
            return new Question(q, lang, who, k);
        }
    }

    /** @param article the passage's article as stored now; null if it was deleted since it was indexed */
    record Found(Passage passage, Article article) {
    }

    List<Found> ask(Question question) {
        Map<String, Article> byId = new HashMap<>();
        return search.search(question.query(), question.language(), question.audience(), question.k()).stream()
            .map(p -> new Found(p, byId.computeIfAbsent(p.articleId(), id -> article(id))))
            .toList();
    }

    private Article article(String id) {
        try {
            return articles.findById(UUID.fromString(id)).orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
