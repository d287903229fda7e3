package dev.tandem.conversation;

/**
 * A knowledge article an AI message relies on, shown with the message so that the customer and
 * the agent can check the answer.
 *
 * @param articleId the article's id in the knowledge base
 * @param title the article's title when the answer was given
 * @param url where the customer can read the article, or null when it has no public page
 * @param snippet the passage the answer was taken from, short
 */
public record Citation(String articleId, String title, String url, String snippet) {
}
