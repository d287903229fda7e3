package dev.tandem.ai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * Sentence embeddings from the bge-small-en-v1.5 model (quantised ONNX, 384 dimensions) that ships
 * inside a Maven artifact: nothing is downloaded at run time.
 *
 * <p>The model takes about a second to load, so it loads on a background thread: {@link #warmUp()}
 * starts it without waiting, and the first embedding call waits for it (and starts it if nobody
 * did). Vectors are L2-normalised, so cosine similarity is a dot product. Thread-safe. Each text is embedded
 * on the thread that asks for it, at that thread's CPU priority ({@link BundledBgeModel}); batches of passages
 * are spread over one worker per core.
 */
public class Embeddings {

    public static final int DIMENSIONS = 384;

    /**
     * What the vectors of {@link #embedPassages} are a function of besides the text: the model
     * (bge-small-en-v1.5, the quantised ONNX build of the bundled artifact), the text embedded as it
     * is with no instruction before it, pooled as the artifact pools and L2-normalised. A stored vector is
     * valid only under the same identity; change this whenever any of that changes (another model or
     * build, a prefix, other pooling), so that vectors stored under the old one are never mixed in.
     */
    public static final String PASSAGE_MODEL = "bge-small-en-v1.5-q;passage;no-instruction;normalised";

    /**
     * bge v1.5 retrieves short queries against passages best with this instruction before the query
     * and nothing before the passages (model card, "Using FlagEmbedding"/"query_instruction").
     */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    /** Texts per call to the model; bounds the memory of one call, not the parallelism. */
    private static final int BATCH = 64;

    private final ExecutorService workers;
    private volatile CompletableFuture<EmbeddingModel> model;
    /**
     * A customer's message is read by the escalation policy, the knowledge search and the intent
     * classifier, and by the policy again at every later message of the conversation: each embeds it
     * through {@link #embed(String)}, which works it out once. 16,384 vectors (about 25 MB) hold a few
     * thousand live conversations; an hour after its last use a conversation is over.
     */
    private final Cache<String, float[]> remembered = Caffeine.newBuilder().maximumSize(16_384)
        .expireAfterAccess(Duration.ofHours(1)).build();

    private Embeddings(ExecutorService workers) {
        this.workers = workers;
    }

    /** The bundled model; it does not load until {@link #warmUp()} or the first call. */
    public static Embeddings bundledModel() {
        AtomicInteger n = new AtomicInteger();
        // Daemon threads: a command-line run (eval) must be able to end without closing us.
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread thread = new Thread(r, "embeddings-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new Embeddings(workers);
    }

    /** Starts loading the model in the background and returns at once. */
    public void warmUp() {
        model();
    }

    /** Whether the model has loaded, so that a call will not wait for it. */
    public boolean isReady() {
        CompletableFuture<EmbeddingModel> loading = model;
        return loading != null && loading.isDone() && !loading.isCompletedExceptionally();
    }

    /** The vector of a search query (with the model's query instruction). */
    public float[] embedQuery(String query) {
        return embed(List.of(QUERY_INSTRUCTION + query)).get(0);
    }

    /**
     * The vector of one text, embedded as a passage (no instruction) and remembered: a text embedded
     * through here a moment ago costs nothing. For messages of live conversations; embed documents and
     * training sets with {@link #embedPassages}, which does not fill the memory.
     */
    public float[] embed(String text) {
        return remembered.get(text, t -> embed(List.of(t)).get(0));
    }

    /** The vectors of passages to search in, in order; embeds on all cores in batches. */
    public List<float[]> embedPassages(List<String> passages) {
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (int from = 0; from < passages.size(); from += BATCH) {
            vectors.addAll(embed(passages.subList(from, Math.min(passages.size(), from + BATCH))));
        }
        return vectors;
    }

    private List<float[]> embed(List<String> texts) {
        EmbeddingModel loaded;
        try {
            loaded = model().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The bundled embedding model could not be loaded", e.getCause());
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return loaded.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private CompletableFuture<EmbeddingModel> model() {
        CompletableFuture<EmbeddingModel> loading = model;
        if (loading == null) {
            synchronized (this) {
                loading = model;
                if (loading == null) {
                    loading = CompletableFuture.supplyAsync(() -> new BundledBgeModel(workers),
                            workers);
                    model = loading;
                }
            }
        }
        return loading;
    }
}
