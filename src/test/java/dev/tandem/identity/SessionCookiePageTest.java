package dev.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.FormSession;
import dev.tandem.TandemTest;

/**
 * The JSON API ignores the workspace's session cookie: it has no CSRF protection, so a page on
 * another site must not be able to call it with a signed-in agent's cookie.
 */
@TandemTest
class SessionCookiePageTest {

    @LocalServerPort
    int port;

    @Test
    void aSignedInBrowserSessionDoesNotAuthenticateTheApi() {
        var admin = FormSession.signIn(port, "admin", "admin-password-for-tests");
        assertThat(admin.get("/inbox").statusCode()).isEqualTo(200);

        var api = admin.get("/api/conversations");

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
