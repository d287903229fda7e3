package dev.tandem.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * An article as the index sees it.
 *
 * @param id stable article id
 * @param title the article title (for a FAQ, the question)
 * @param body Markdown without the title line
 * @param language ISO 639-1 code; chooses the analyzer and the partition searched
 * @param internal for agents only; never used in a customer answer
 * @param questions questions the article answers, as customers ask them (curated or learned from
 *     confirmed answers): searched beside the title, densely and by keyword
 * @param translationOf the id of the article this one translates, or null
 */
record KnowledgeArticle(String id, String title, String body, String language, boolean internal,
        List<String> questions, String translationOf) {

    KnowledgeArticle {
        language = language == null || language.isBlank() ? "en" : language.toLowerCase(Locale.ROOT);
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body;
        questions = questions == null ? List.of()
                : questions.stream().map(String::strip).filter(q -> !q.isEmpty()).distinct().toList();
    }

    KnowledgeArticle(String id, String title, String body, String language, boolean internal,
            List<String> questions) {
        this(id, title, body, language, internal, questions, null);
    }

    KnowledgeArticle(String id, String title, String body, String language, boolean internal) {
        this(id, title, body, language, internal, List.of());
    }
}
