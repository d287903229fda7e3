package dev.tandem.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * bge-small-en-v1.5 (quantised) from the LangChain4j artifact, run by ONNX Runtime on the calling thread.
 *
 * <p>The artifact's own class opens the model with ONNX Runtime's default session: an intra-op pool of one
 * native thread per core whose threads spin while they wait for work. Under load those threads burned a core
 * between calls, and, being native, ignored the nice value {@link CpuPriority} gives the assistant's and the
 * analysts' Java threads, so model work competed with storing customers' messages on equal terms (the load
 * benchmark's human loop lost a quarter of its rate when guardrail screening embedded every message). With one
 * intra-op thread and no spinning the inference runs on the Java thread that asks for it, at that thread's
 * priority; parallelism comes from the callers (the assistant's workers, {@link Embeddings}' batch workers).
 */
final class BundledBgeModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "/bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

    /** One session for the process, shared as the artifact's class shares its own (it is thread-safe). */
    private static OnnxBertBiEncoder shared;

    private final OnnxBertBiEncoder encoder;

    /** Loads the model (about a second) unless this process has already. */
    BundledBgeModel(Executor batchWorkers) {
        super(batchWorkers);
        this.encoder = shared();
    }

    private static synchronized OnnxBertBiEncoder shared() {
        if (shared == null) {
            shared = load();
        }
        return shared;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return Embeddings.DIMENSIONS;
    }

    private static OnnxBertBiEncoder load() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
                SessionOptions options = new SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled embedding model could not be read", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not open the bundled embedding model", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = OnnxBertBiEncoder.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("The bundled embedding model is missing from the class path: " + name);
        }
        return stream;
    }
}
