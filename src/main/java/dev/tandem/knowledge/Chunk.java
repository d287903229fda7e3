package dev.tandem.knowledge;

import java.util.List;

/**
 * A passage of an article, small enough to embed well and to quote in an answer.
 *
 * @param articleId the article
 * @param title the article title, kept so that every chunk is searchable by it
 * @param headingPath headings above the passage, outermost first
 * @param text the passage (Markdown)
 * @param internal copied from the article: for agents only
 */
record Chunk(String articleId, String title, List<String> headingPath, String text, boolean internal) {

    Chunk {
        headingPath = List.copyOf(headingPath);
    }

    String headings() {
        return String.join(" > ", headingPath);
    }

    /**
     * What is embedded: the title and headings carry the context a lone paragraph lacks ("How long
     * does it take?" means nothing without the article it is in).
     */
    String embeddingText() {
        StringBuilder text = new StringBuilder(title);
        if (!headingPath.isEmpty()) {
            text.append("\n").append(headings());
        }
        if (!this.text.isEmpty()) {
            text.append("\n").append(this.text);
        }
        return text.toString();
    }
}
