package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tandem.TandemTest;
import dev.tandem.ai.Embeddings;

/**
 * Chunk and title vectors are stored once in the database and reused by every later build, on this
 * node and any other, on H2 and on PostgreSQL; vectors no published article uses are deleted.
 * Each test's texts carry a fresh word, so that no other test (or the demo data of a shared
 * PostgreSQL schema) has stored them before.
 */
@TandemTest
class ChunkVectorPersistenceTest {

    @Autowired
    JdbcChunkVectorStore store;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    KnowledgeIndexStatus status;

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

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static KnowledgeArticle washing(String word) {
        KnowledgeArticle article = KnowledgeSearchTest.WASHING;
        return new KnowledgeArticle("washing-" + word, article.title() + " " + word, article.body(), "en", false);
    }

    /** Another node, or this one after a restart: a new index over the same database. */
    private KnowledgeSearch node() {
        return new KnowledgeSearch(embeddings, store, RetrievalSettings.CHOSEN);
    }

    @Test
    void vectorsAreStoredAsFloat32AndReusedByTheNextStartAndEveryOtherNode() {
        KnowledgeArticle article = washing(unique());
        KnowledgeSearch first = node();
        KnowledgeSearch.Indexed built = first.putAll(List.of(article));
        assertThat(built.vectorsEmbedded()).isEqualTo(4); // three sections and the title
        assertThat(built.vectorsReused()).isZero();

        byte[] stored = jdbc.sql("select vector from chunk_vector where model = ? and text_sha256 = ?")
            .params(Embeddings.PASSAGE_MODEL, PassageVectors.sha256(article.title()))
            .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(stored).hasSize(Embeddings.DIMENSIONS * Float.BYTES);
        assertThat(ChunkVectorStore.vector(stored))
            .containsExactly(embeddings.embedPassages(List.of(article.title())).get(0));

        KnowledgeSearch second = node();
        KnowledgeSearch.Indexed rebuilt = second.putAll(List.of(article));
        assertThat(rebuilt.vectorsEmbedded()).isZero();
        assertThat(rebuilt.vectorsReused()).isEqualTo(4);
        assertThat(second.search("how do I dry a down jacket", "en", Audience.CUSTOMER, 3))
            .usingRecursiveFieldByFieldElementComparator()
            .isEqualTo(first.search("how do I dry a down jacket", "en", Audience.CUSTOMER, 3));
    }

    @Test
    void aChangedArticleEmbedsOnlyItsChangedChunks() {
        KnowledgeArticle article = washing(unique());
        node().putAll(List.of(article));

        KnowledgeArticle changed = new KnowledgeArticle(article.id(), article.title(),
                article.body().replace("two clean tennis balls", "three clean tennis balls"), "en", false);
        KnowledgeSearch.Indexed indexed = node().putAll(List.of(changed));

        assertThat(indexed.vectorsEmbedded()).isEqualTo(1);
        assertThat(indexed.vectorsReused()).isEqualTo(3);
    }

    @Test
    void storingTheSameVectorTwiceKeepsTheFirst() {
        String key = PassageVectors.sha256("stored twice " + unique());
        store.save(Embeddings.PASSAGE_MODEL, Map.of(key, new float[] { 1, 0 }));
        store.save(Embeddings.PASSAGE_MODEL, Map.of(key, new float[] { 0, 1 }));

        assertThat(store.find(Embeddings.PASSAGE_MODEL, List.of(key, key, PassageVectors.sha256("never stored"))))
            .containsOnlyKeys(key)
            .hasEntrySatisfying(key, vector -> assertThat(vector).containsExactly(1, 0));
        assertThat(store.find("another-model", List.of(key))).isEmpty();
    }

    @Test
    void theApplicationsIndexStoresTheVectorsOfWhatIsPublished() {
        eventually(status::initialIndexBuilt);
        String word = "vectorlyn" + unique();
        Article article = write.create(new WriteArticle.Draft("stored-" + word, "Storing " + word,
                "Every " + word + " is kept in the database.", List.of(), "en", ArticleAudience.PUBLIC, null), "casey");
        publish.publish(article.id());
        eventually(() -> found(word, article.id()));

        Set<String> keys = search.vectorKeysOf(List.of(ArticleIndexSync.asIndexed(repository.findById(article.id()).orElseThrow(), List.of())));
        assertThat(keys).hasSize(2);
        assertThat(store.find(Embeddings.PASSAGE_MODEL, keys)).containsOnlyKeys(keys);
    }

    @Test
    void unusedVectorsAreDeletedButNeverOneAPublishedArticleStillUses() {
        String word = "cleanable" + unique();
        String title = "Gift cards " + word;
        Article a = publishedArticle(title, "Gift cards never expire, whatever " + word + " says.");
        Article b = publishedArticle(title, "A lost " + word + " gift card can be blocked and replaced.");
        Set<String> aBefore = keysOf(a);
        Set<String> bBefore = keysOf(b);
        String titleKey = PassageVectors.sha256(title);
        assertThat(aBefore).contains(titleKey);
        assertThat(bBefore).contains(titleKey); // the same title: one vector for both

        // a changes (its old chunk is no longer used by anything); b is unpublished (its chunk neither)
        Article changed = write.update(a.id(), new WriteArticle.Draft(a.slug(), title,
                "Gift cards expire after two years, says " + word + ".", List.of(), "en", ArticleAudience.PUBLIC, null),
                "casey");
        publish.unpublish(b.id());
        eventually(() -> search.search("two years " + word, "en", Audience.CUSTOMER, 50).stream()
            .anyMatch(p -> p.text().contains("two years")));
        Set<String> aAfter = keysOf(changed);

        // Nothing is deleted that was stored or looked up within the keeping time (a day by default) ...
        assertThat(cleanupAt(Duration.ZERO).deleteUnused()).isZero();
        assertThat(store.find(Embeddings.PASSAGE_MODEL, union(aBefore, bBefore, aAfter)))
            .containsOnlyKeys(union(aBefore, bBefore, aAfter));

        // ... and after it, what no published article uses goes; the title b shared with a stays.
        cleanupAt(Duration.ofDays(2)).deleteUnused();
        assertThat(store.find(Embeddings.PASSAGE_MODEL, union(aBefore, bBefore, aAfter)).keySet())
            .containsExactlyInAnyOrderElementsOf(aAfter)
            .contains(titleKey);
    }

    @Test
    void aVectorLookedUpDuringTheKeepingTimeIsKept() {
        String key = PassageVectors.sha256("looked up " + unique());
        store.save(Embeddings.PASSAGE_MODEL, Map.of(key, new float[] { 1, 0 }));

        // two days later a node is about to use it (an article published again): the lookup marks it used
        Clock later = Clock.offset(clock, Duration.ofDays(2));
        assertThat(new JdbcChunkVectorStore(jdbc, later, Duration.ofDays(1)).find(Embeddings.PASSAGE_MODEL, List.of(key)))
            .containsOnlyKeys(key);

        assertThat(cleanupAt(Duration.ofDays(2)).deleteUnused()).isGreaterThanOrEqualTo(0);
        assertThat(store.find(Embeddings.PASSAGE_MODEL, List.of(key))).containsOnlyKeys(key);
        cleanupAt(Duration.ofDays(4)).deleteUnused();
        assertThat(store.find(Embeddings.PASSAGE_MODEL, List.of(key))).isEmpty();
    }

    private ChunkVectorCleanup cleanupAt(Duration ahead) {
        return new ChunkVectorCleanup(repository, questions, search,
                new JdbcChunkVectorStore(jdbc, Clock.offset(clock, ahead), Duration.ofDays(1)));
    }

    private Article publishedArticle(String title, String body) {
        Article article = write.create(new WriteArticle.Draft("cleanup-" + UUID.randomUUID(), title, body, List.of(),
                "en", ArticleAudience.PUBLIC, null), "casey");
        publish.publish(article.id());
        Set<String> keys = keysOf(article);
        eventually(() -> store.find(Embeddings.PASSAGE_MODEL, keys).size() == keys.size());
        return article;
    }

    private Set<String> keysOf(Article article) {
        return search.vectorKeysOf(List.of(ArticleIndexSync.asIndexed(article, List.of())));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private boolean found(String query, UUID id) {
        return search.search(query, "en", Audience.CUSTOMER, 50).stream().anyMatch(p -> p.articleId().equals(id.toString()));
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
