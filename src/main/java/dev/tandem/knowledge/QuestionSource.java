package dev.tandem.knowledge;

/** Where a question an article answers came from. */
public enum QuestionSource {
    /** Written by a curator on the article editor or in the article file's front matter. */
    CURATED,
    /** Asked by a customer who then said the article's answer helped. */
    CONFIRMED,
    /** An unanswered or handed-over question a curator or agent linked to the article. */
    LINKED
}
