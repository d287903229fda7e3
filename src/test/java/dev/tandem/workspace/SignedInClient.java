package dev.tandem.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser stand-in: signs in through the form, keeps the session cookie and sends the CSRF token like htmx does. */
final class SignedInClient {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private SignedInClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static SignedInClient anonymous(int port) {
        return new SignedInClient(port);
    }

    static SignedInClient signIn(int port, String username, String password) {
        var client = new SignedInClient(port);
        client.signInAs(username, password);
        return client;
    }

    /** Signs in through the form; answers where the sign-in sent the browser. */
    String signInAs(String username, String password) {
        SignedInClient client = this;
        HttpResponse<String> login = client.get("/login");
        Matcher token = HIDDEN_CSRF.matcher(login.body());
        assertThat(token.find()).as("CSRF field on the sign-in form").isTrue();
        HttpResponse<String> signedIn = client.form("/login", Map.of("username", username, "password", password,
                "_csrf", token.group(1)), false);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> inbox = client.get("/inbox");
        Matcher meta = META_CSRF.matcher(inbox.body());
        assertThat(meta.find()).as("CSRF meta tag in the layout").isTrue();
        client.csrf = meta.group(1);
        return signedIn.headers().firstValue("Location").orElse("");
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    HttpResponse<String> htmxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET().build());
    }

    /** A POST as htmx sends it: form-encoded, with the CSRF header. */
    HttpResponse<String> htmxPost(String path, Map<String, String> form) {
        return form(path, form, true);
    }

    HttpResponse<String> postWithoutCsrf(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    HttpResponse<java.util.stream.Stream<String>> stream(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofLines());
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> form(String path, Map<String, String> form, boolean htmx) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (htmx) {
            request.header("HX-Request", "true").header("X-CSRF-TOKEN", csrf);
        }
        return send(request.build());
    }

    private static String encode(Map<String, String> form) {
        return new LinkedHashMap<>(form).entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
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
