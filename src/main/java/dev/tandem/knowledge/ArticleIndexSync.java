package dev.tandem.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.knowledge.ArticleRepository.IndexedVersion;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Keeps {@link KnowledgeSearch} following the database, which is the source of truth.
 *
 * <p>Listeners only mark an article as changed and return, so that no event listener holds a
 * database connection while articles are embedded. One background thread then looks at each
 * changed article's current row and adds, replaces or removes it, a batch at a time (the 70 demo
 * articles seeded at once are embedded together). Looking at the row rather than trusting the event
 * makes late or reordered events harmless. From the moment this bean exists, the same thread indexes
 * every published article, read in one query and indexed in one go; once the application is ready it
 * indexes what the application runners published meanwhile and then reports the first build done in
 * {@link KnowledgeIndexStatus}. The vectors of texts embedded before come from the store, so
 * that first build is seconds, not minutes (see {@link PassageVectors}).
 *
 * <p>Every five seconds it also compares the index with the database and catches up on whatever it
 * missed: articles changed through another node (events reach only the node that published them),
 * imported by the {@code import-knowledge} command, or whose indexing failed. So the index repairs
 * itself without a restart; after a restart it is built anew from the database.
 *
 * <p>{@code tandem.knowledge.indexing=false} leaves it out: the {@code import-knowledge} command
 * only writes the database, and a server builds its index from the database when it starts.
 */
@Component
@ConditionalOnProperty(name = "tandem.knowledge.indexing", havingValue = "true", matchIfMissing = true)
class ArticleIndexSync {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexSync.class);

    private final ArticleRepository articles;
    private final ArticleQuestions questions;
    private final KnowledgeSearch search;
    private final KnowledgeIndexStatus status;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "knowledge-indexer");
        thread.setDaemon(true);
        return thread;
    });
    /** Articles to look at again. Guarded by this. */
    private final Set<UUID> changed = new LinkedHashSet<>();
    /** The version of each article (and of its questions) in the index; only the worker thread touches it. */
    private final Map<UUID, IndexedVersion> indexed = new HashMap<>();

    ArticleIndexSync(ArticleRepository articles, ArticleQuestions questions, KnowledgeSearch search,
            KnowledgeIndexStatus status) {
        this.articles = articles;
        this.questions = questions;
        this.search = search;
        this.status = status;
    }

    /**
     * Readiness waits for the first build, so it starts as soon as this bean exists (the database is migrated
     * by then), on the worker beside the rest of the context refresh: on a restart the whole index is built
     * before the application is ready. It does not report the build done; see {@link #rebuildInBackground}.
     */
    @PostConstruct
    void buildWhileStarting() {
        worker.execute(() -> {
            try {
                long started = System.nanoTime();
                KnowledgeSearch.Indexed done = indexPublished();
                if (done.articles() == 0) {
                    search.prepare();
                }
                log.info("Indexed the published articles while starting: {} articles, {} chunks in {} ms ({} vectors stored before, {} embedded)",
                        done.articles(), search.chunkCount(), (System.nanoTime() - started) / 1_000_000,
                        done.vectorsReused(), done.vectorsEmbedded());
            } catch (RuntimeException e) {
                log.warn("Could not index the published articles while starting; trying again once started", e);
            }
        });
    }

    /**
     * Once the application runners have run (a first start imports the demo articles there), indexes what the
     * build while starting did not hold, and only then reports the first build done: ready still means every
     * article published at start is searchable.
     */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildInBackground() {
        worker.execute(this::buildInitialIndex);
    }

    /**
     * Indexes every published article not indexed yet at its current version, then reports the first
     * build done. On the worker thread; a failure is retried at the next reconciliation.
     */
    void buildInitialIndex() {
        try {
            long started = System.nanoTime();
            KnowledgeSearch.Indexed done = indexPublished();
            status.markInitialIndexBuilt();
            log.info("Built the knowledge index: {} articles, {} chunks in {} ms ({} vectors stored before, {} embedded)",
                    done.articles(), search.chunkCount(), (System.nanoTime() - started) / 1_000_000,
                    done.vectorsReused(), done.vectorsEmbedded());
        } catch (RuntimeException e) {
            log.error("Could not build the knowledge index; trying again at the next reconciliation", e);
        }
    }

    /** Indexes every published article not indexed yet at its current version. On the worker thread. */
    private KnowledgeSearch.Indexed indexPublished() {
        Map<UUID, IndexedVersion> versions = articles.publishedVersions();
        List<Article> published = articles.findByStatus(ArticleStatus.PUBLISHED).stream()
            .filter(article -> !versionOf(article, versions).equals(indexed.get(article.id())))
            .toList();
        if (published.isEmpty()) {
            return new KnowledgeSearch.Indexed(0, 0, 0);
        }
        KnowledgeSearch.Indexed done = search.putAll(indexable(published));
        published.forEach(article -> indexed.put(article.id(), versionOf(article, versions)));
        return done;
    }

    @Scheduled(fixedDelayString = "${tandem.knowledge.reconcile-every:PT5S}",
            initialDelayString = "${tandem.knowledge.reconcile-every:PT5S}")
    void reconcile() {
        worker.execute(() -> {
            if (!status.initialIndexBuilt()) {
                buildInitialIndex();
                return;
            }
            try {
                Map<UUID, IndexedVersion> published = articles.publishedVersions();
                published.forEach((id, version) -> {
                    if (!version.equals(indexed.get(id))) {
                        mark(id);
                    }
                });
                indexed.keySet().stream().filter(id -> !published.containsKey(id)).toList().forEach(this::mark);
            } catch (RuntimeException e) {
                log.warn("Could not compare the index with the database; trying again later", e);
            }
        });
    }

    @ApplicationModuleListener
    void on(ArticlePublished event) {
        mark(event.articleId());
    }

    @ApplicationModuleListener
    void on(ArticleUnpublished event) {
        mark(event.articleId());
    }

    private void mark(UUID id) {
        boolean first;
        synchronized (this) {
            first = changed.isEmpty();
            changed.add(id);
        }
        if (first) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            List<UUID> batch;
            synchronized (this) {
                batch = new ArrayList<>(changed);
                changed.clear();
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                long started = System.nanoTime();
                Map<UUID, IndexedVersion> versions = articles.publishedVersions();
                List<Article> put = new ArrayList<>();
                for (UUID id : batch) {
                    Optional<Article> article = articles.findById(id);
                    if (article.isPresent() && article.get().status() == ArticleStatus.PUBLISHED) {
                        if (!versionOf(article.get(), versions).equals(indexed.get(id))) {
                            put.add(article.get());
                        }
                    } else if (indexed.remove(id) != null) {
                        search.remove(id.toString());
                    }
                }
                if (!put.isEmpty()) {
                    KnowledgeSearch.Indexed done = search.putAll(indexable(put));
                    put.forEach(article -> indexed.put(article.id(), versionOf(article, versions)));
                    log.info("Indexed {} articles in {} ms ({} vectors stored before, {} embedded)", put.size(),
                            (System.nanoTime() - started) / 1_000_000, done.vectorsReused(), done.vectorsEmbedded());
                }
            } catch (RuntimeException e) {
                log.error("Could not index articles {}; trying again at the next reconciliation", batch, e);
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** The article's version as read, with its questions' version (0 when it was published since). */
    private static IndexedVersion versionOf(Article article, Map<UUID, IndexedVersion> versions) {
        IndexedVersion now = versions.get(article.id());
        return new IndexedVersion(article.currentVersion(), now == null ? 0 : now.questions());
    }

    private List<KnowledgeArticle> indexable(List<Article> published) {
        Map<UUID, List<String>> asked = questions.of(published.stream().map(Article::id).toList());
        return published.stream().map(article -> asIndexed(article, asked.getOrDefault(article.id(), List.of()))).toList();
    }

    static KnowledgeArticle asIndexed(Article article, List<String> questions) {
        return new KnowledgeArticle(article.id().toString(), article.title(), article.body(), article.language(),
                article.audience() == ArticleAudience.INTERNAL, questions,
                article.translationOf() == null ? null : article.translationOf().toString());
    }
}
