package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the API tests: real requests against the running application, JSON
 * read with Jackson 3. Immutable; {@link #as} and {@link #withHeader} return configured copies.
 */
public final class TestApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final List<String> headers;

    public TestApi(int port) {
        this("http://localhost:" + port, List.of());
    }

    private TestApi(String base, List<String> headers) {
        this.base = base;
        this.headers = List.copyOf(headers);
    }

    public String base() {
        return base;
    }

    /** HTTP Basic with these credentials on every request. */
    public TestApi as(String username, String password) {
        String basic = Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return withHeader("Authorization", "Basic " + basic);
    }

    public TestApi withHeader(String name, String value) {
        var all = new ArrayList<>(headers);
        all.add(name);
        all.add(value);
        return new TestApi(base, all);
    }

    public Response get(String path, String... extraHeaders) {
        return send(request(path, extraHeaders).GET());
    }

    public Response post(String path, Object body, String... extraHeaders) {
        String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, extraHeaders).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response put(String path, Object body, String... extraHeaders) {
        String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, extraHeaders).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response postRaw(String path, String contentType, String body, String... extraHeaders) {
        return send(request(path, extraHeaders).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Any method, any content type, any body (null: none): for requests a well-behaved client would never send. */
    public Response raw(String method, String path, String contentType, String body, String... extraHeaders) {
        var request = request(path, extraHeaders);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response options(String path, String... extraHeaders) {
        return send(request(path, extraHeaders).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    public HttpRequest.Builder request(String path, String... extraHeaders) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        for (int i = 0; i < extraHeaders.length; i += 2) {
            builder.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return builder;
    }

    public static HttpClient client() {
        return CLIENT;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            assertThat(body).as("response body").isNotBlank();
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String text(String field) {
            return TestApi.text(json(), field);
        }

        public UUID id(String field) {
            return UUID.fromString(text(field));
        }

        /** Asserts the status and returns this, for chaining. */
        public Response expect(int expected) {
            assertThat(status).as("HTTP status of a response with body %s", body).isEqualTo(expected);
            return this;
        }

        /**
         * Asserts an RFC 9457 problem with this status: the problem+json content type, the status in
         * the body, a useful detail, and nothing of the server's internals.
         */
        public Response expectProblem(int expected) {
            expect(expected);
            assertThat(contentType()).as("Content-Type of a %d", expected).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expected);
            assertThat(TestApi.text(problem, "detail")).as("problem detail").isNotBlank();
            assertNoInternals(body);
            return this;
        }

        public String detail() {
            return text("detail");
        }
    }

    /**
     * No stack trace, exception class or Java type name in what the client sees. A conversation token is random
     * base64 and may spell "SQL" or "trace" by chance (RedTeamApiTest met one): its value is not looked at.
     */
    public static void assertNoInternals(String body) {
        String checked = body == null ? null : body.replaceAll("\"token\"\\s*:\\s*\"[A-Za-z0-9_-]*\"", "\"token\":\"\"");
        assertThat(checked).doesNotContain("Exception", "exception", "\tat ", "at dev.tandem", "at org.springframework",
                "java.lang", "java.util", "dev.tandem.", "org.springframework.", "tools.jackson", "com.fasterxml",
                "trace", "SQL");
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
