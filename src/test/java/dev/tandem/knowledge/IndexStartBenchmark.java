package dev.tandem.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.tandem.ai.Embeddings;

/**
 * The knowledge index's first build at start-up, as {@link ArticleIndexSync} does it (read every
 * published article, chunk, look up the stored vectors, build Lucene and the flat vector array), with
 * 10,000 chunks whose vectors are stored, against embedding them. A main class, not a test: figures go
 * to docs/benchmarks.md, "Knowledge retrieval".
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.knowledge.IndexStartBenchmark \
 *     ../shared/eval/faq-dev h2|postgresql [--embed] [--keep DIR]
 * </pre>
 * With {@code h2 --keep DIR} the database stays in {@code DIR}: {@code TANDEM_SEED_DIR=DIR bench/startup-vs-bare.sh}
 * then starts the whole application on copies of it (10,000 stored chunks) against the bare app.
 *
 * The articles are {@link RetrievalBenchmark}'s synthetic ones (2,500 articles of four sections: 10,000
 * chunks and 2,500 title vectors), inserted as published rows into a fresh database (an H2 file under
 * /tmp, or a new schema of the local PostgreSQL, dropped at the end). With {@code --embed} the first
 * build embeds and stores every vector, as the first start of a knowledge base does; without it the
 * store is filled with random unit vectors (the build cannot tell). Then each "start" is a new
 * {@link KnowledgeSearch} over the same database: the first one a day after the vectors were stored
 * (so every lookup also marks its vectors as used), the others right after.
 */
public final class IndexStartBenchmark {

    private static final int ARTICLES = 2_500;

    public static void main(String[] args) throws Exception {
        Path faqDev = Path.of(args.length > 0 ? args[0] : "../shared/eval/faq-dev");
        String vendor = args.length > 1 ? args[1] : "h2";
        boolean embed = List.of(args).contains("--embed");
        System.out.printf(Locale.ROOT, "%d cores, %s, Java %s, %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version"), vendor, Runtime.getRuntime().maxMemory() >> 20);

        String schema = "tandem_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HikariConfig config = new HikariConfig();
        if (vendor.equals("postgresql")) {
            try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test",
                    "postgres", "")) {
                connection.createStatement().execute("create schema " + schema);
            }
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
            config.setUsername("postgres");
        } else {
            // --keep DIR: the H2 database stays in DIR (a data dir the application can start on, with the
            // articles published and their vectors stored)
            int keep = List.of(args).indexOf("--keep");
            Path dir = keep >= 0 ? Files.createDirectories(Path.of(args[keep + 1])) : Files.createTempDirectory("tandem-bench-");
            config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("tandem") + ";DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("sa");
        }
        config.setPassword("");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure().dataSource(dataSource).schemas(vendor.equals("postgresql") ? new String[] { schema }
                    : new String[0])
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            run(jdbc, faqDev, embed);
        } finally {
            if (vendor.equals("postgresql")) {
                try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test",
                        "postgres", "")) {
                    connection.createStatement().execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    private static void run(JdbcClient jdbc, Path faqDev, boolean embed) throws Exception {
        ArticleRepository repository = new ArticleRepository(jdbc);
        List<KnowledgeArticle> articles = RetrievalBenchmark.articles(ARTICLES, RetrievalBenchmark.sentences(faqDev),
                new Random(10_000));
        Instant now = Instant.now();
        for (KnowledgeArticle article : articles) {
            repository.insert(new Article(UUID.randomUUID(), article.id(), article.title(), article.body(), List.of(),
                    "en", ArticleAudience.PUBLIC, ArticleStatus.PUBLISHED, null, 1, now, now));
        }
        Embeddings embeddings = Embeddings.bundledModel();
        Clock clock = Clock.systemUTC();
        JdbcChunkVectorStore store = new JdbcChunkVectorStore(jdbc, clock, Duration.ofDays(1));

        if (embed) {
            embeddings.embedQuery("load the model before timing");
            report("first start ever: every vector embedded and stored", jdbc, repository,
                    new KnowledgeSearch(embeddings, store, RetrievalSettings.CHOSEN));
        } else {
            KnowledgeSearch keys = new KnowledgeSearch(embeddings, ChunkVectorStore.inMemory(), RetrievalSettings.CHOSEN);
            Set<String> needed = keys.vectorKeysOf(articles);
            Random random = new Random(1);
            Map<String, float[]> vectors = new HashMap<>();
            for (String key : needed) {
                vectors.put(key, unitVector(random));
            }
            long start = System.nanoTime();
            store.save(Embeddings.PASSAGE_MODEL, vectors);
            System.out.printf(Locale.ROOT, "stored %d random unit vectors in %.1f s (100 rows per insert)%n", vectors.size(),
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "chunk_vector: %d rows%n", store.count());

        // a start a day later: the lookup also marks every vector as used (one update per 1,000)
        JdbcChunkVectorStore dayLater = new JdbcChunkVectorStore(jdbc, Clock.offset(clock, Duration.ofDays(1)),
                Duration.ofDays(1));
        report("start a day later (vectors stored, all marked as used again)", jdbc, repository,
                new KnowledgeSearch(embeddings, dayLater, RetrievalSettings.CHOSEN));
        for (int i = 1; i <= 3; i++) {
            report("start " + i + " (vectors stored, recently used)", jdbc, repository,
                    new KnowledgeSearch(embeddings, dayLater, RetrievalSettings.CHOSEN));
        }

        // the parts: the lookup alone, and chunking + Lucene + flat array with the vectors in memory
        Set<String> keys = new KnowledgeSearch(embeddings, ChunkVectorStore.inMemory(), RetrievalSettings.CHOSEN)
            .vectorKeysOf(articles);
        long start = System.nanoTime();
        int found = dayLater.find(Embeddings.PASSAGE_MODEL, keys).size();
        System.out.printf(Locale.ROOT, "  of which the lookup of %d stored vectors: %.2f s%n", found,
                (System.nanoTime() - start) / 1e9);
        List<String> sorted = keys.stream().sorted().toList();
        start = System.nanoTime();
        int read = 0;
        for (int from = 0; from < sorted.size(); from += 1000) {
            List<String> batch = sorted.subList(from, Math.min(sorted.size(), from + 1000));
            read += jdbc.sql("select text_sha256, vector from chunk_vector where model = ? and text_sha256 in ("
                    + String.join(", ", java.util.Collections.nCopies(batch.size(), "?")) + ")")
                .param(Embeddings.PASSAGE_MODEL).params(batch).query((rs, n) -> rs.getBytes(2)).list().size();
        }
        System.out.printf(Locale.ROOT, "    of which reading them (%d, without marking): %.2f s%n", read,
                (System.nanoTime() - start) / 1e9);
        ChunkVectorStore memory = ChunkVectorStore.inMemory();
        memory.save(Embeddings.PASSAGE_MODEL, dayLater.find(Embeddings.PASSAGE_MODEL, keys));
        start = System.nanoTime();
        List<Article> published = repository.findByStatus(ArticleStatus.PUBLISHED);
        double reading = (System.nanoTime() - start) / 1e9;
        KnowledgeSearch inMemory = new KnowledgeSearch(embeddings, memory, RetrievalSettings.CHOSEN);
        start = System.nanoTime();
        inMemory.putAll(published.stream().map(article -> ArticleIndexSync.asIndexed(article, List.of())).toList());
        System.out.printf(Locale.ROOT, "  of which reading %d articles: %.2f s; chunking, hashing and building Lucene and"
                + " the flat array with the vectors in memory: %.2f s%n", published.size(), reading,
                (System.nanoTime() - start) / 1e9);
    }

    private static void report(String what, JdbcClient jdbc, ArticleRepository repository, KnowledgeSearch search) {
        KnowledgeIndexStatus status = new KnowledgeIndexStatus(true);
        ArticleIndexSync sync = new ArticleIndexSync(repository,
                new ArticleQuestions(jdbc, repository, java.time.Clock.systemUTC()), search, status);
        long start = System.nanoTime();
        sync.buildInitialIndex();
        double seconds = (System.nanoTime() - start) / 1e9;
        sync.stop();
        if (!status.initialIndexBuilt()) {
            throw new IllegalStateException("the build failed");
        }
        System.out.printf(Locale.ROOT, "%-62s %6.2f s  (%d chunks searchable)%n", what, seconds, search.chunkCount());
    }

    private static float[] unitVector(Random random) {
        float[] vector = new float[Embeddings.DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
