package dev.tandem.knowledge;

import java.time.Instant;
import java.util.UUID;

/** One saved state of an article's text, and who saved it. */
public record ArticleVersion(UUID articleId, int version, String title, String body, String changedBy,
        Instant changedAt) {
}
