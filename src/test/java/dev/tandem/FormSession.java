package dev.tandem;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in for page tests: keeps the session cookie, does not follow redirects (so tests
 * see the POST-redirect-GET), and sends the CSRF token a rendered page carried, like a form would.
 */
public final class FormSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private FormSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static FormSession anonymous(int port) {
        return new FormSession(port);
    }

    /** Signs in through the form login and fails loudly when that does not work. */
    public static FormSession signIn(int port, String username, String password) {
        var session = new FormSession(port);
        var login = session.submit("/login", Map.of("username", username, "password", password));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("Sign-in of " + username + " failed: " + login.statusCode() + " " + location);
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        var response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1) != null ? token.group(1) : token.group(2);
        }
        return response;
    }

    /** Opens a server-sent event stream (the workspace's live updates) in this session. */
    public SseEvents stream(String path) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return new SseEvents(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the CSRF token of the last page seen (reading the sign-in page when none was). */
    public HttpResponse<String> submit(String path, Map<String, String> fields) {
        return submit(path, fields.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    /** Like {@link #submit(String, Map)}, for forms with repeated fields such as checkboxes. */
    public HttpResponse<String> submit(String path, List<Map.Entry<String, String>> fields) {
        if (csrf == null) {
            get("/login");
        }
        var withToken = new java.util.ArrayList<>(fields);
        withToken.add(Map.entry("_csrf", csrf));
        return postForm(path, withToken);
    }

    /** Posts a multipart form with one file, and the CSRF token as a form field, like a browser's upload. */
    public HttpResponse<String> upload(String path, String field, String fileName, byte[] content,
            Map<String, String> fields) {
        if (csrf == null) {
            get("/login");
        }
        String boundary = "----tandem" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        var all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public HttpResponse<String> submitWithoutCsrf(String path, Map<String, String> fields) {
        return postForm(path, List.copyOf(fields.entrySet()));
    }

    private HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
