package dev.tandem.knowledge;

import java.util.Locale;

/**
 * An article as the index sees it.
 *
 * @param id stable article id
 * @param title the article title (for a FAQ, the question)
 * @param body Markdown without the title line
 * @param language ISO 639-1 code; chooses the analyzer and the partition searched
 * @param internal for agents only; never used in a customer answer
 */
record KnowledgeArticle(String id, String title, String body, String language, boolean internal) {

    KnowledgeArticle {
        language = language == null || language.isBlank() ? "en" : language.toLowerCase(Locale.ROOT);
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body;
    }
}
