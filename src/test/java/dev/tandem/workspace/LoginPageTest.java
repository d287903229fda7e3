package dev.tandem.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemTest;

@TandemTest
class LoginPageTest {

    @LocalServerPort
    int port;

    @Test
    void rendersTheSignInForm() {
        var page = SignedInClient.anonymous(port).get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tandem", "Sign in", "name=\"username\"", "name=\"password\"",
                "name=\"_csrf\"");
    }

    @Test
    void explainsAFailedSignInAndASignOut() {
        assertThat(SignedInClient.anonymous(port).get("/login?error").body()).contains("Wrong user name or password.");
        assertThat(SignedInClient.anonymous(port).get("/login?logout").body()).contains("You are signed out.");
    }

    @Test
    void sendsVisitorsWithoutSessionToTheSignInPage() {
        var inbox = SignedInClient.anonymous(port).get("/inbox");

        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(inbox.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aFragmentRequestedWithoutSessionIsNotWhereTheSignInLeads() {
        var client = SignedInClient.anonymous(port);
        assertThat(client.htmxGet("/inbox/list?view=mine").statusCode()).isEqualTo(302);

        String next = client.signInAs("admin", "admin-password-for-tests");

        assertThat(next).doesNotContain("/inbox/list");
    }

    @Test
    void signsInAndShowsTheLayoutWithTheAdminNavigation() {
        var admin = SignedInClient.signIn(port, "admin", "admin-password-for-tests");

        var inbox = admin.get("/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("Queued", "Mine", "All open", "Resolved", "/admin/users", "My API tokens",
                "Sign out", "name=\"_csrf_header\"");
        assertThat(admin.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/inbox");
    }
}
