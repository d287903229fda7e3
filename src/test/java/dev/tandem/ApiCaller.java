package dev.tandem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the JSON API of the running test server as one caller: HTTP Basic, an API token, or
 * nobody. Bodies are given as JSON text so that tests can send malformed or oddly typed JSON too.
 */
public final class ApiCaller {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;

    private ApiCaller(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    public static ApiCaller basic(int port, String username, String password) {
        return new ApiCaller(port, "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static ApiCaller bearer(int port, String token) {
        return new ApiCaller(port, "Bearer " + token);
    }

    public static ApiCaller anonymous(int port) {
        return new ApiCaller(port, null);
    }

    public record Reply(int status, String contentType, String text) {

        public JsonNode json() {
            return JSON.readTree(text);
        }

        /** The problem detail of an error reply, for assertion messages and checks. */
        public String detail() {
            return json().path("detail").asString();
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + text;
        }
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        }
        catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for something written asynchronously (after commit), such as an audit entry. */
    public static void eventually(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
