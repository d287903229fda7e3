package dev.tandem.knowledge;

/** Who an article is written for: internal articles are for agents only. */
public enum ArticleAudience {
    PUBLIC,
    INTERNAL
}
