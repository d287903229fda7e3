package dev.tandem.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * The optional chat model (LLM mode), reached over OpenAI's chat completions API. Off unless
 * {@code tandem.ai.chat.base-url} is set; nothing is called at start-up.
 *
 * <p>A call never keeps its caller longer than the configured timeout: the HTTP client's timeouts
 * bound each phase of a request, not the whole of it (a server that trickles bytes keeps it alive),
 * so the call runs on a small bounded pool and the caller stops waiting at the deadline. Failures
 * are not retried, for the same reason: the caller has a fallback that is better than a late answer.
 */
public class ChatModels {

    /** Calls in flight at once; more wait in the queue (their wait counts against their timeout). */
    private static final int MAX_CONCURRENT_CALLS = 16;
    /** Calls waiting beyond that are refused at once rather than piling up behind a slow server. */
    private static final int MAX_WAITING_CALLS = 256;

    private static final Logger log = LoggerFactory.getLogger(ChatModels.class);

    private final ChatProperties properties;
    private final ChatModel model;
    private final StreamingChatModel streamingModel;
    private final ThreadPoolExecutor calls;

    /**
     * A chat model at an OpenAI-compatible {@code baseUrl} (for tools and tests; the application's
     * bean is configured from {@code tandem.ai.chat}).
     */
    public static ChatModels openAiCompatible(String baseUrl, String model, String apiKey, Duration timeout) {
        return new ChatModels(new ChatProperties(baseUrl, model, apiKey, timeout, null, null));
    }

    ChatModels(ChatProperties properties) {
        this.properties = properties;
        if (!properties.enabled()) {
            this.model = null;
            this.streamingModel = null;
            this.calls = null;
            return;
        }
        String apiKey = properties.apiKey().isEmpty() ? "none" : properties.apiKey();
        this.model = OpenAiChatModel.builder()
            .baseUrl(properties.baseUrl())
            // OpenAI-compatible servers without authentication accept any key; the client insists on one.
            .apiKey(apiKey)
            .modelName(properties.model())
            .temperature(properties.temperature())
            .maxTokens(properties.maxTokens())
            .timeout(properties.timeout())
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false)
            .build();
        this.streamingModel = OpenAiStreamingChatModel.builder()
            .baseUrl(properties.baseUrl())
            .apiKey(apiKey)
            .modelName(properties.model())
            .temperature(properties.temperature())
            .maxTokens(properties.maxTokens())
            .timeout(properties.timeout())
            .logRequests(false)
            .logResponses(false)
            .build();
        AtomicInteger n = new AtomicInteger();
        this.calls = new ThreadPoolExecutor(MAX_CONCURRENT_CALLS, MAX_CONCURRENT_CALLS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_WAITING_CALLS), r -> {
                    Thread thread = new Thread(r, "chat-model-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.calls.allowCoreThreadTimeOut(true);
        log.info("LLM mode on: model '{}' at {} (timeout {})", properties.model(), properties.baseUrl(),
                properties.timeout());
    }

    /** Whether a chat model is configured; if not, every {@link #complete} and {@link #stream} fails. */
    public boolean enabled() {
        return model != null;
    }

    /** The configured model name (empty when off). */
    public String modelName() {
        return properties.model();
    }

    /** The longest {@link #complete} waits. */
    public Duration timeout() {
        return properties.timeout();
    }

    /**
     * The model's reply to one system and one user message.
     *
     * @throws ChatUnavailable if LLM mode is off, the server fails or answers nothing usable, or no
     *         reply came within {@link #timeout()}; the message says which, without secrets
     */
    public String complete(String system, String user) {
        if (!enabled()) {
            throw new ChatUnavailable("LLM mode is off (tandem.ai.chat.base-url is not set)");
        }
        ChatRequest request = ChatRequest.builder()
            .messages(List.of(SystemMessage.from(system), UserMessage.from(user)))
            .build();
        Future<String> reply;
        try {
            reply = calls.submit(() -> textOf(model.chat(request).aiMessage()));
        } catch (RejectedExecutionException e) {
            throw new ChatUnavailable("too many chat model calls waiting");
        }
        try {
            return reply.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new ChatUnavailable("no reply from the chat model within " + properties.timeout());
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            throw new ChatUnavailable("interrupted while waiting for the chat model");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ChatUnavailable unavailable) {
                throw unavailable;
            }
            throw new ChatUnavailable("the chat model failed: " + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage(), cause);
        }
    }

    /**
     * The model's reply to one system and one user message, streamed: read it with {@link ChatStream#next()}
     * as it is written, and close it when done with it. The whole reply must come within {@link #timeout()};
     * a stream of a model that is off, fails or is too slow throws {@link ChatUnavailable} from
     * {@code next()}. Streams need no thread of this class's pool: their text arrives on the HTTP client's
     * and is read on the caller's, so callers bound how many run at once.
     */
    public ChatStream stream(String system, String user) {
        if (!enabled()) {
            return ChatStream.failed(properties.timeout(),
                    new ChatUnavailable("LLM mode is off (tandem.ai.chat.base-url is not set)"));
        }
        ChatStream stream = new ChatStream(properties.timeout());
        ChatRequest request = ChatRequest.builder()
            .messages(List.of(SystemMessage.from(system), UserMessage.from(user)))
            .build();
        // Started on a call thread, never on the caller's: the HTTP client may deliver the whole stream on the
        // thread that starts it (seen when its own threads were busy with a stalled stream), and the caller must
        // stay free to read the pieces and give up at the timeout.
        try {
            calls.execute(() -> {
                try {
                    streamingModel.chat(request, stream.handler());
                } catch (RuntimeException e) {
                    stream.handler().onError(e);
                }
            });
        } catch (RejectedExecutionException e) {
            return ChatStream.failed(properties.timeout(), new ChatUnavailable("too many chat model calls waiting"));
        }
        return stream;
    }

    private static String textOf(AiMessage message) {
        String text = message == null ? null : message.text();
        if (text == null || text.isBlank()) {
            throw new ChatUnavailable("the chat model returned no text");
        }
        return text;
    }

    /** Stops the call threads; calls still waiting fail. */
    public void close() {
        if (calls != null) {
            calls.shutdownNow();
        }
    }

    /** The chat model could not give an answer in time; callers fall back to the embedded mode. */
    public static class ChatUnavailable extends RuntimeException {

        public ChatUnavailable(String message) {
            super(message);
        }

        public ChatUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
