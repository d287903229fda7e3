package dev.tandem.simulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP to the Tandem under test. A 429 is waited out (Retry-After) rather than counted against
 * the product: rate limits protect a server from a flood, and a simulation is one.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RATE_LIMIT_RETRIES = 20;

    private final HttpClient client;
    private final String base;
    private final Duration timeout;

    Http(String base, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    String base() {
        return base;
    }

    /** An answer; {@code body} is MissingNode when there was none. */
    record Response(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String detail() {
            return body.path("detail").asString(body.toString());
        }
    }

    /** A failure talking to the server (no answer, or not the answer the API promises). */
    static final class Failure extends RuntimeException {

        Failure(String message) {
            super(message);
        }
    }

    Response get(String path, String header, String value) {
        return send(request(path, header, value).GET());
    }

    Response post(String path, Object body, String header, String value) {
        String json = body == null ? "" : JSON.writeValueAsString(body);
        return send(request(path, header, value).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String header, String value) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Accept",
                "application/json, application/problem+json");
        if (header != null && value != null) {
            builder.header(header, value);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        for (int attempt = 0;; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new Failure(request.method() + " " + request.uri().getPath() + ": no answer (" + e + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted");
            }
            if (response.statusCode() == 429 && attempt < RATE_LIMIT_RETRIES) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Pause.of(Duration.ofSeconds(Math.max(1, Math.min(seconds, 30))));
                continue;
            }
            JsonNode body = response.body() == null || response.body().isBlank() ? MissingNode.getInstance()
                    : parse(response.body());
            return new Response(response.statusCode(), body);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }
}
