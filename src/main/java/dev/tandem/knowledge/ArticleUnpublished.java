package dev.tandem.knowledge;

import java.util.UUID;

/** A published article went back to draft: it leaves the search index. */
public record ArticleUnpublished(UUID articleId) {
}
