package dev.tandem.knowledge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The knowledge module's settings. The schedules ({@code reconcile-every}, {@code vector-cleanup-every})
 * are read by the {@code @Scheduled} annotations through placeholders with the same defaults; they are
 * declared here too so that they are typed, documented and in the configuration metadata.
 *
 * @param indexing whether this process keeps a search index (off in the {@code import-knowledge} command)
 * @param reconcileEvery how often each node compares its index with the database and catches up
 * @param unusedVectorsKeptFor how long a stored vector that no published article uses is kept after it
 *     was last stored or looked up: long enough for another node's build, a rolling upgrade's old
 *     nodes, and an article unpublished by mistake and published again
 * @param vectorCleanupEvery how often one node of the cluster deletes the stored vectors no published
 *     article uses
 */
@ConfigurationProperties("tandem.knowledge")
record KnowledgeProperties(Boolean indexing, Duration reconcileEvery, Duration unusedVectorsKeptFor,
        Duration vectorCleanupEvery) {

    KnowledgeProperties {
        indexing = indexing == null || indexing;
        reconcileEvery = reconcileEvery == null ? Duration.ofSeconds(5) : reconcileEvery;
        unusedVectorsKeptFor = unusedVectorsKeptFor == null ? Duration.ofDays(1) : unusedVectorsKeptFor;
        vectorCleanupEvery = vectorCleanupEvery == null ? Duration.ofHours(1) : vectorCleanupEvery;
    }
}
