package dev.tandem.knowledge;

import java.util.List;

/**
 * One chunk of an article that matched a search.
 *
 * @param articleId the article the passage comes from
 * @param title the article's title
 * @param headingPath the headings above the passage, outermost first (empty at the top of an article)
 * @param text the passage as written (Markdown)
 * @param score the fused relevance score; higher is better, comparable only within one search
 * @param similarity cosine similarity of the question with the passage (or its article's title),
 *     comparable across searches; NaN when unknown
 */
public record Passage(String articleId, String title, List<String> headingPath, String text, double score,
        double similarity) {

    public Passage {
        headingPath = List.copyOf(headingPath);
    }

    public Passage(String articleId, String title, List<String> headingPath, String text, double score) {
        this(articleId, title, headingPath, text, score, Double.NaN);
    }
}
