package dev.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.FormSession;
import dev.tandem.TandemTest;

/** Sign-in, CSRF, security headers and the admin-only area of the web pages. */
@TandemTest
class SecurityPageTest {

    static final String[] ADMIN_PAGES = { "/admin/users", "/admin/teams", "/admin/tokens", "/admin/audit",
            "/admin/widget" };

    @LocalServerPort
    int port;

    @Test
    void formLoginStartsASessionInACookie() {
        var browser = FormSession.anonymous(port);
        assertThat(browser.get("/profile/tokens").statusCode()).as("before signing in").isEqualTo(302);

        var login = browser.submit("/login", Map.of("username", "admin", "password", "admin-password-for-tests"));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
            .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers().map()));
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(browser.get("/profile/tokens").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordSendsBackToTheSignInPage() {
        var login = FormSession.anonymous(port).submit("/login",
                Map.of("username", "admin", "password", "not-the-admin-password"));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        var admin = FormSession.signIn(port, "admin", "admin-password-for-tests");

        var withoutToken = admin.submitWithoutCsrf("/admin/teams", Map.of("name", "Forged team"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        var anonymousLogin = FormSession.anonymous(port).submitWithoutCsrf("/login",
                Map.of("username", "admin", "password", "admin-password-for-tests"));
        assertThat(anonymousLogin.statusCode()).isEqualTo(403);

        admin.get("/admin/teams");
        assertThat(admin.get("/admin/teams").body()).doesNotContain("Forged team");
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        var admin = FormSession.signIn(port, "admin", "admin-password-for-tests");
        for (HttpResponse<String> page : new HttpResponse[] { FormSession.anonymous(port).get("/login"),
                admin.get("/admin/users"), admin.get("/profile/tokens") }) {
            var headers = page.headers();
            assertThat(headers.firstValue("Content-Security-Policy").orElse("")).as(page.uri().toString())
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
            assertThat(headers.firstValue("X-Frame-Options")).as(page.uri().toString()).hasValue("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("Cache-Control").orElse("")).contains("no-store");
        }
    }

    @Test
    void adminPagesAreForAdminsOnly() {
        for (String role : new String[] { "AGENT", "SUPERVISOR", "CURATOR" }) {
            var user = TestUsers.create(port, role);
            var browser = FormSession.signIn(port, user.username(), TestUsers.PASSWORD);
            assertThat(browser.get("/profile/tokens").statusCode()).isEqualTo(200);
            for (String page : ADMIN_PAGES) {
                assertThat(browser.get(page).statusCode()).as(role + " on " + page).isEqualTo(403);
            }
            assertThat(browser.submit("/admin/teams", Map.of("name", "Sneaky " + role)).statusCode()).isEqualTo(403);
            assertThat(browser.get("/profile/tokens").body()).doesNotContain("href=\"/admin/users\"");
        }
        for (String page : ADMIN_PAGES) {
            var anonymous = FormSession.anonymous(port).get(page);
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }
}
