package dev.tandem;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat completions server inside the test (POST /v1/chat/completions), answering
 * with whatever the test asks for: the whole reply at once, or, when the request asks for
 * {@code "stream": true}, as OpenAI streams it (server-sent events: one {@code chat.completion.chunk} per
 * token-sized piece, then {@code data: [DONE]}). A streamed reply can pause at a point the test chooses
 * and go on when the test says so (or never: a server that stalls in the middle of a reply).
 */
public final class OpenAiCompatibleServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Pieces the size of a model's tokens: a word with the space before it, or one bracket of a citation. */
    private static final Pattern PIECE = Pattern.compile("\\s*[^\\s\\[\\]]+|\\s*[\\[\\]]|\\s+$");

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile String content;
    /** When set, the reply to each request is computed from the request's body (a model that reads the prompt). */
    private volatile java.util.function.Function<String, String> responder;
    private volatile String body;
    private volatile int status;
    private volatile boolean slow;
    private volatile String pauseAfter;
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch paused = new CountDownLatch(1);
    private volatile String lastBody;
    private volatile String lastAuthorization;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger streamed = new AtomicInteger();

    private OpenAiCompatibleServer(HttpServer http) {
        this.http = http;
    }

    public static OpenAiCompatibleServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OpenAiCompatibleServer server = new OpenAiCompatibleServer(http);
            http.createContext("/v1/chat/completions", server::handle);
            http.setExecutor(server.threads);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
    }

    /** Forgets what the last test asked for and lets every held reply go. */
    public void reset() {
        release();
        content = null;
        responder = null;
        body = null;
        status = 200;
        slow = false;
        pauseAfter = null;
        held = new CountDownLatch(1);
        paused = new CountDownLatch(1);
        requests.set(0);
        streamed.set(0);
    }

    public void replyWith(String content) {
        this.content = content;
        this.body = completion(content);
        this.status = 200;
    }

    /**
     * Replies to each request with what {@code responder} makes of its body (the JSON the client sent): a model
     * that does what the prompt asks, such as one that obeys instructions injected into the customer's question.
     */
    public void replyFrom(java.util.function.Function<String, String> responder) {
        this.responder = responder;
        this.status = 200;
    }

    public void replyWithBody(String json) {
        this.content = null;
        this.body = json;
        this.status = 200;
    }

    /** Holds every reply, before a byte of it, until {@link #release()}: longer than any client's timeout. */
    public void replySlowly(String content) {
        replyWith(content);
        slow = true;
    }

    /**
     * Streams the reply up to and including the first piece that completes {@code text}, then holds the
     * rest until {@link #release()}.
     */
    public void pauseStreamAfter(String text) {
        pauseAfter = text;
    }

    /** Waits until a streamed reply has paused (it sent what comes before the pause). */
    public void awaitPause() throws InterruptedException {
        if (!paused.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the streamed reply did not reach its pause within 30 s");
        }
    }

    public void failWith(int status) {
        this.content = null;
        this.body = "{\"error\": {\"message\": \"the model crashed\", \"type\": \"server_error\"}}";
        this.status = status;
    }

    /** Lets held replies (slow ones, paused streams) go on. */
    public void release() {
        held.countDown();
    }

    public String lastBody() {
        return lastBody;
    }

    public String lastAuthorization() {
        return lastAuthorization;
    }

    public int requests() {
        return requests.get();
    }

    /** Requests that asked for a streamed reply. */
    public int streamedRequests() {
        return streamed.get();
    }

    public void stop() {
        release();
        http.stop(0);
        threads.shutdownNow();
    }

    /** The pieces a streamed reply is sent in. */
    public static List<String> pieces(String content) {
        List<String> pieces = new ArrayList<>();
        Matcher piece = PIECE.matcher(content);
        while (piece.find()) {
            pieces.add(piece.group());
        }
        return pieces;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            CountDownLatch release = held;
            if (slow) {
                release.await(30, TimeUnit.SECONDS);
            }
            boolean stream = JSON.readTree(lastBody).path("stream").asBoolean(false);
            if (stream) {
                streamed.incrementAndGet();
            }
            String content = this.content;
            String body = this.body;
            var responder = this.responder;
            if (responder != null) {
                content = responder.apply(lastBody);
                body = completion(content);
            }
            if (stream && status == 200 && content != null) {
                stream(exchange, content, release);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stream(HttpExchange exchange, String reply, CountDownLatch release) throws IOException,
            InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        String pause = pauseAfter;
        boolean holding = pause != null;
        StringBuilder sent = new StringBuilder();
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, chunk(Map.of("role", "assistant", "content", ""), null));
            for (String piece : pieces(reply)) {
                event(out, chunk(Map.of("content", piece), null));
                sent.append(piece);
                if (holding && sent.toString().contains(pause)) {
                    holding = false;
                    paused.countDown();
                    release.await(30, TimeUnit.SECONDS);
                }
            }
            event(out, chunk(Map.of(), "stop"));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException clientWentAway) {
            // the client stopped reading the reply (it closed the stream): what a real server sees too
        }
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String chunk(Map<String, String> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return json(Map.of("id", "chatcmpl-test", "object", "chat.completion.chunk", "created", 1_700_000_000, "model",
                "test-model", "choices", List.of(choice)));
    }

    private static String completion(String content) {
        return json(Map.of("id", "chatcmpl-test", "object", "chat.completion", "created", 1_700_000_000, "model",
                "test-model", "choices",
                List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason",
                        "stop")),
                "usage", Map.of("prompt_tokens", 100, "completion_tokens", 20, "total_tokens", 120)));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
