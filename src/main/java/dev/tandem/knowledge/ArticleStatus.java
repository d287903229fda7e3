package dev.tandem.knowledge;

/** A draft is invisible to every search; a published article is indexed. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED
}
