package dev.tandem.knowledge;

import java.util.UUID;

/** An article became visible to search, or a published article changed (published again). */
public record ArticlePublished(UUID articleId, String slug, String language, int version) {
}
