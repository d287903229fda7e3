package dev.tandem.knowledge;

/**
 * Whether this node's knowledge index has finished its first build since the application started:
 * until then {@link KnowledgeSearch} may find nothing, or only part of the knowledge base, although
 * the database holds published articles. Readiness checks wait for {@link #initialIndexBuilt()}.
 *
 * <p>The first build reads every published article and indexes it; with its vectors stored (see
 * {@link KnowledgeSearch}) it takes a few seconds even for 10,000 chunks, and only a knowledge base
 * never indexed before (or a new embedding model) has to be embedded first. Thread-safe.
 */
public class KnowledgeIndexStatus {

    private volatile boolean built;

    /**
     * @param indexing whether this process builds an index at all; without one
     *        ({@code tandem.knowledge.indexing=false}, the {@code import-knowledge} command) there is
     *        nothing to wait for, so it reports the build as done
     */
    KnowledgeIndexStatus(boolean indexing) {
        this.built = !indexing;
    }

    /**
     * {@code true} once every article that was published when this node started (or when its first
     * build was retried after a failure) is searchable; stays {@code true} afterwards, while later
     * changes are indexed a moment after they are made.
     */
    public boolean initialIndexBuilt() {
        return built;
    }

    void markInitialIndexBuilt() {
        built = true;
    }
}
