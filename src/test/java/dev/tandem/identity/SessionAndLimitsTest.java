package dev.tandem.identity;

import static dev.tandem.TestApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemTest;
import dev.tandem.TestApi;

/**
 * The security review's checks on sessions and input: signing in gives a new session id (a session planted before
 * sign-in is worth nothing), signing out ends the session, and oversized or over-long input is refused with a
 * problem, not read into memory or stored.
 */
@TandemTest
class SessionAndLimitsTest {

    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String session) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String session, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Cookie", "SESSION=" + session)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
            .map(m -> m.group(1)).findFirst().orElse(null);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void signingInChangesTheSessionIdAndSigningOutEndsIt() throws Exception {
        var loginPage = get("/login", null);
        String planted = session(loginPage);
        assertThat(planted).as("the sign-in page keeps its CSRF token in a session").isNotNull();

        var login = post("/login", planted, "username=admin&password=admin-password-for-tests&_csrf=" + csrf(loginPage));
        String signedIn = session(login);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(signedIn).as("a new session id at sign-in (no session fixation)").isNotNull().isNotEqualTo(planted);
        assertThat(get("/inbox", planted).statusCode()).as("the planted id signs nobody in").isEqualTo(302);
        var inbox = get("/inbox", signedIn);
        assertThat(inbox.statusCode()).isEqualTo(200);

        var logout = post("/logout", signedIn, "_csrf=" + csrf(inbox));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(get("/inbox", signedIn).statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        var api = new TestApi(port);
        String huge = "x".repeat(2 * 1024 * 1024);
        var response = api.post("/api/widget/conversations", map("message", huge));
        response.expectProblem(413);
        assertThat(response.detail()).contains("limit");
        api.as("admin", "admin-password-for-tests").post("/api/admin/privacy/erasures", map("email", huge))
            .expectProblem(413);
    }

    @Test
    void anOverlongMessageIsRefusedWithAProblem() {
        var api = new TestApi(port);
        var response = api.post("/api/widget/conversations", map("message", "y".repeat(4001)));
        response.expectProblem(413);
        assertThat(response.detail()).contains("4000");
    }
}
