package dev.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.FormSession;
import dev.tandem.TandemTest;

/** "My API tokens" for every user, and the admin's view of all tokens. */
@TandemTest
class ApiTokensPageTest {

    private static final Pattern SECRET = Pattern.compile("value=\"(tdm_[A-Za-z0-9_-]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Test
    void anyUserCreatesATokenSeesTheSecretOnceAndRevokesIt() {
        var user = TestUsers.create(port, "CURATOR");
        var browser = FormSession.signIn(port, user.username(), TestUsers.PASSWORD);
        browser.get("/profile/tokens");

        var created = browser.submit("/profile/tokens", Map.of("name", "Knowledge import"));
        assertThat(created.statusCode()).isEqualTo(302);
        var shown = browser.get("/profile/tokens").body();
        var secret = SECRET.matcher(shown);
        assertThat(secret.find()).as("the secret is shown after creating").isTrue();
        assertThat(shown).contains("This is the only time it is shown");
        assertThat(ApiCaller.bearer(port, secret.group(1)).get("/api/me").status()).isEqualTo(200);
        assertThat(browser.get("/profile/tokens").body()).as("and only once").doesNotContain(secret.group(1))
            .contains("Knowledge import");

        var id = tokens.of(java.util.UUID.fromString(user.id())).get(0).id();
        assertThat(browser.submit("/profile/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        assertThat(ApiCaller.bearer(port, secret.group(1)).get("/api/me").status()).isEqualTo(401);
        assertThat(browser.get("/profile/tokens").body()).contains("Revoked");
    }

    @Test
    void aTokenWithoutNameIsRefusedInline() {
        var browser = FormSession.signIn(port, TestUsers.create(port, "AGENT").username(), TestUsers.PASSWORD);
        browser.get("/profile/tokens");

        var refused = browser.submit("/profile/tokens", Map.of("name", ""));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Give the token a name");
    }

    @Test
    void nobodyRevokesSomeoneElsesTokenFromTheirPage() {
        var owner = TestUsers.create(port, "AGENT");
        var issued = tokens.issue(java.util.UUID.fromString(owner.id()), "owner's", owner.username());
        var other = FormSession.signIn(port, TestUsers.create(port, "AGENT").username(), TestUsers.PASSWORD);
        other.get("/profile/tokens");

        other.submit("/profile/tokens/" + issued.id() + "/revoke", Map.of());

        assertThat(tokens.find(issued.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void anAdminSeesAndRevokesEveryonesTokens() {
        var owner = TestUsers.create(port, "AGENT");
        var issued = tokens.issue(java.util.UUID.fromString(owner.id()), "Reporting script", owner.username());
        var admin = FormSession.signIn(port, "admin", AdminUsersApiTest.ADMIN_PASSWORD);

        var page = admin.get("/admin/tokens").body();
        assertThat(page).contains("Reporting script", owner.username(), issued.secret().substring(0, 10))
            .doesNotContain(issued.secret());

        assertThat(admin.submit("/admin/tokens/" + issued.id() + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        assertThat(tokens.find(issued.id()).orElseThrow().active()).isFalse();
        assertThat(admin.get("/admin/tokens").body()).contains("Revoked the token &#39;Reporting script&#39;");
    }
}
