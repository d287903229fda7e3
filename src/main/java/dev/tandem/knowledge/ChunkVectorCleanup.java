package dev.tandem.knowledge;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.ai.Embeddings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Deletes the stored vectors no published article uses any more, once per cluster every
 * {@code tandem.knowledge.vector-cleanup-every}. What is in use is worked out from the database, the
 * source of truth, not from this node's index: every published article is chunked as the index
 * chunks it, and a text another published article still contains keeps its vector whichever article
 * changed. Vectors of an older model identity go the same way. Only vectors unused for
 * {@code tandem.knowledge.unused-vectors-kept-for} are deleted (see {@link JdbcChunkVectorStore}), so a
 * node indexing an article at this moment never loses the vectors it just stored or looked up.
 */
@Component
@ConditionalOnProperty(name = "tandem.knowledge.indexing", havingValue = "true", matchIfMissing = true)
class ChunkVectorCleanup {

    private static final Logger log = LoggerFactory.getLogger(ChunkVectorCleanup.class);

    private final ArticleRepository articles;
    private final ArticleQuestions questions;
    private final KnowledgeSearch search;
    private final JdbcChunkVectorStore vectors;

    ChunkVectorCleanup(ArticleRepository articles, ArticleQuestions questions, KnowledgeSearch search,
            JdbcChunkVectorStore vectors) {
        this.articles = articles;
        this.questions = questions;
        this.search = search;
        this.vectors = vectors;
    }

    @Scheduled(fixedDelayString = "${tandem.knowledge.vector-cleanup-every:PT1H}", initialDelayString = "PT10M")
    @SchedulerLock(name = "knowledge-vector-cleanup", lockAtMostFor = "PT30M")
    void run() {
        try {
            deleteUnused();
        } catch (RuntimeException e) {
            log.warn("Could not delete unused vectors; trying again later", e);
        }
    }

    /** @return how many vectors it deleted */
    int deleteUnused() {
        var published = articles.findByStatus(ArticleStatus.PUBLISHED);
        var asked = questions.of(published.stream().map(Article::id).toList());
        Set<String> inUse = search.vectorKeysOf(published.stream()
            .map(article -> ArticleIndexSync.asIndexed(article, asked.getOrDefault(article.id(), java.util.List.of())))
            .toList());
        int deleted = vectors.deleteUnused(Embeddings.PASSAGE_MODEL, inUse);
        if (deleted > 0) {
            log.info("Deleted {} stored vectors no published article uses", deleted);
        }
        return deleted;
    }
}
