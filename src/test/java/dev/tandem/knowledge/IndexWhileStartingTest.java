package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.TandemTest;
import dev.tandem.ai.Embeddings;

/**
 * The knowledge index is built while the application starts, but the first build is reported done only by the
 * pass that runs once the application is ready, after the runners: an article published between the two (a
 * first start's demo import) is searchable before readiness can say so. Each "node" here is a new
 * {@link ArticleIndexSync} over the test's database, driven by hand as Spring drives the application's own.
 */
@TandemTest
class IndexWhileStartingTest {

    @Autowired
    JdbcChunkVectorStore store;

    @Autowired
    Embeddings embeddings;

    @Autowired
    ArticleRepository repository;

    @Autowired
    ArticleQuestions questions;

    @Autowired
    WriteArticle write;

    @Autowired
    PublishArticle publish;

    @Test
    void theBuildWhileStartingIndexesWhatIsPublishedButOnlyTheReadyPassReportsTheIndexBuilt() {
        String before = "prelyn" + unique();
        Article publishedBefore = published(before);
        KnowledgeSearch search = new KnowledgeSearch(embeddings, store, RetrievalSettings.CHOSEN);
        KnowledgeIndexStatus status = new KnowledgeIndexStatus(true);
        ArticleIndexSync sync = new ArticleIndexSync(repository, questions, search, status);
        try {
            sync.buildWhileStarting();
            eventually(() -> found(search, before, publishedBefore.id()));
            assertThat(status.initialIndexBuilt()).as("built while starting, but the runners have not run").isFalse();

            String during = "runlyn" + unique();
            Article publishedByARunner = published(during);
            assertThat(found(search, during, publishedByARunner.id())).isFalse();

            sync.rebuildInBackground();
            eventually(status::initialIndexBuilt);
            assertThat(found(search, during, publishedByARunner.id()))
                .as("ready means what the runners published is searchable").isTrue();
            assertThat(found(search, before, publishedBefore.id())).isTrue();
        } finally {
            sync.stop();
        }
    }

    @Test
    void onAnEmptyKnowledgeBaseItOnlyLoadsWhatIndexingNeeds() {
        KnowledgeSearch search = new KnowledgeSearch(embeddings, ChunkVectorStore.inMemory(), RetrievalSettings.CHOSEN);
        search.prepare();
        assertThat(search.chunkCount()).isZero();
        assertThat(search.answersCustomers()).isFalse();
    }

    private Article published(String word) {
        Article article = write.create(new WriteArticle.Draft("starting-" + word, "Starting " + word,
                "Every " + word + " is searchable once the node is ready.", List.of(), "en", ArticleAudience.PUBLIC,
                null), "casey");
        publish.publish(article.id());
        return article;
    }

    private static boolean found(KnowledgeSearch search, String query, UUID id) {
        return search.search(query, "en", Audience.CUSTOMER, 50).stream()
            .anyMatch(passage -> passage.articleId().equals(id.toString()));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
