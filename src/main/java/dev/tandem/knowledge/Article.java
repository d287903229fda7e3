package dev.tandem.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A knowledge-base article as stored (the database is the source of truth; the search index follows it).
 *
 * @param translationOf the id of the original this article translates, or null
 * @param currentVersion the number of the latest {@link ArticleVersion}
 */
public record Article(UUID id, String slug, String title, String body, List<String> tags, String language,
        ArticleAudience audience, ArticleStatus status, UUID translationOf, int currentVersion, Instant createdAt,
        Instant updatedAt) {

    public Article {
        tags = List.copyOf(tags);
    }
}
