package dev.tandem.knowledge;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import dev.tandem.ai.Embeddings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retrieval latency (one client thread, 500 warm-up calls) at 1k and 10k chunks, indexing throughput and the heap of
 * the index. A main class, not a test: figures go to docs/benchmarks.md, "Knowledge retrieval".
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.knowledge.RetrievalBenchmark ../shared/eval/faq-dev
 * </pre>
 *
 * Articles are synthetic: four sections of 50 to 150 words each, sentences drawn at random (fixed
 * seed) from the faq-dev answers when present, else from a fixed vocabulary; queries are the faq-dev
 * questions (or sentences of the same pool).
 */
public final class RetrievalBenchmark {

    private static final int WARM_UP = 500;
    private static final int MEASURED = 1000;

    public static void main(String[] args) throws IOException {
        Path faqDev = Path.of(args.length > 0 ? args[0] : "../shared/eval/faq-dev");
        List<String> sentences = sentences(faqDev);
        List<String> queries = queries(faqDev, sentences);
        Embeddings embeddings = Embeddings.bundledModel();
        embeddings.embedQuery("warm up the model");
        System.out.printf(Locale.ROOT, "%d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), System.getProperty("java.version"));

        for (int chunks : new int[] { 1_000, 10_000 }) {
            List<KnowledgeArticle> articles = articles(chunks / 4, sentences, new Random(chunks));
            long heapBefore = usedHeap();
            KnowledgeSearch search = new KnowledgeSearch(embeddings, ChunkVectorStore.inMemory(), RetrievalSettings.CHOSEN);
            long start = System.nanoTime();
            search.putAll(articles);
            double seconds = (System.nanoTime() - start) / 1e9;
            long heapAfter = usedHeap();
            int indexed = search.chunkCount();
            System.out.printf(Locale.ROOT, "%n%d chunks (%d articles): indexed in %.1f s = %.0f chunks/s"
                    + " (chunking + embedding + Lucene); heap of the index %.1f MB%n", indexed, articles.size(),
                    seconds, indexed / seconds, (heapAfter - heapBefore) / 1e6);

            start = System.nanoTime();
            search.putAll(List.of(articles.get(0)));
            System.out.printf(Locale.ROOT, "  republishing one article unchanged (vectors reused, the language's index rebuilt): %.0f ms%n",
                    (System.nanoTime() - start) / 1e6);

            float[][] vectors = new float[queries.size()][];
            for (int i = 0; i < queries.size(); i++) {
                vectors[i] = embedAsSearchDoes(embeddings, queries.get(i));
            }
            report("search end to end (embed query + BM25 + dense + fusion)", i -> search
                .search(queries.get(i % queries.size()), "en", Audience.CUSTOMER, 5), queries.size());
            report("  of which query embedding", i -> embedAsSearchDoes(embeddings, queries.get(i % queries.size())),
                    queries.size());
            report("  of which retrieval with the vector given", i -> search.rankArticles(queries.get(i % queries.size()),
                    vectors[i % queries.size()], "en", Audience.CUSTOMER, SearchMode.HYBRID, RetrievalSettings.CHOSEN, 5),
                    queries.size());
            search.putAll(List.of()); // keep the index reachable until here
        }
    }

    private static float[] embedAsSearchDoes(Embeddings embeddings, String query) {
        return RetrievalSettings.CHOSEN.queryInstruction() ? embeddings.embedQuery(query)
                : embeddings.embedPassages(List.of(query)).get(0);
    }

    private interface Call {
        Object run(int i);
    }

    private static void report(String what, Call call, int distinct) {
        for (int i = 0; i < WARM_UP; i++) {
            call.run(i);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            call.run(i + WARM_UP);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "  %-60s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms (%d calls, %d distinct queries)%n",
                what, nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 95 / 100] / 1e6, nanos[MEASURED * 99 / 100] / 1e6,
                MEASURED, distinct);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static List<KnowledgeArticle> articles(int count, List<String> sentences, Random random) {
        List<KnowledgeArticle> articles = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            StringBuilder body = new StringBuilder();
            for (int s = 0; s < 4; s++) {
                body.append("## Section ").append(s + 1).append(' ').append(words(sentences.get(random.nextInt(sentences.size())), 4))
                    .append("\n\n");
                int target = 50 + random.nextInt(101);
                int words = 0;
                while (words < target) {
                    String sentence = sentences.get(random.nextInt(sentences.size()));
                    body.append(sentence).append(' ');
                    words += MarkdownChunker.words(sentence);
                }
                body.append("\n\n");
            }
            String title = words(sentences.get(random.nextInt(sentences.size())), 8);
            articles.add(new KnowledgeArticle("article-" + a, title, body.toString(), "en", false));
        }
        return articles;
    }

    private static String words(String sentence, int n) {
        String[] words = sentence.split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.min(n, words.length)));
    }

    static List<String> sentences(Path faqDev) throws IOException {
        List<String> sentences = new ArrayList<>();
        Path kb = faqDev.resolve("kb");
        if (Files.isDirectory(kb)) {
            try (Stream<Path> files = Files.list(kb)) {
                for (Path file : files.sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (String line : lines.subList(1, lines.size())) {
                        for (String sentence : line.split("(?<=[.!?])\\s+")) {
                            if (MarkdownChunker.words(sentence) >= 5) {
                                sentences.add(sentence.strip());
                            }
                        }
                    }
                }
            }
        }
        if (sentences.isEmpty()) {
            String[] vocabulary = "order parcel refund delivery account password invoice payment card shipping return exchange size colour store hours warranty repair subscription cancel address email phone discount voucher"
                .split(" ");
            Random random = new Random(1);
            for (int i = 0; i < 2000; i++) {
                StringBuilder sentence = new StringBuilder();
                for (int w = 0; w < 8 + random.nextInt(12); w++) {
                    sentence.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
                }
                sentences.add(sentence.toString().strip() + ".");
            }
        }
        return sentences;
    }

    private static List<String> queries(Path faqDev, List<String> sentences) throws IOException {
        Path file = faqDev.resolve("questions.jsonl");
        if (Files.isRegularFile(file)) {
            JsonMapper json = JsonMapper.builder().build();
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                .map(line -> json.readTree(line).get("question").asString()).toList();
        }
        return sentences.subList(0, Math.min(300, sentences.size()));
    }
}
