package dev.tandem.identity;

import static dev.tandem.identity.AdminUsersApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;

@TandemTest
class ApiTokensApiTest {

    @LocalServerPort
    int port;

    @Test
    void aUserIssuesUsesListsAndRevokesTheirOwnToken() {
        var agent = TestUsers.create(port, "AGENT");

        var issued = agent.caller().post("/api/me/tokens", "{\"name\": \"CRM integration\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String secret = issued.json().get("secret").asString();
        String id = issued.json().get("id").asString();
        assertThat(secret).startsWith("tdm_").hasSizeGreaterThan(40);
        assertThat(secret).startsWith(issued.json().get("prefix").asString());

        var me = ApiCaller.bearer(port, secret).get("/api/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(agent.username());

        var mine = agent.caller().get("/api/me/tokens");
        assertThat(mine.text()).contains(id).contains("CRM integration").doesNotContain(secret);

        assertThat(agent.caller().delete("/api/me/tokens/" + id).status()).isEqualTo(204);
        var revoked = ApiCaller.bearer(port, secret).get("/api/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.isProblem()).isTrue();
        assertThat(agent.caller().get("/api/me/tokens").json().get(0).get("active").asBoolean()).isFalse();
    }

    @Test
    void nobodyRevokesSomeoneElsesTokenThroughTheirOwnTokens() {
        var owner = TestUsers.create(port, "AGENT");
        var other = TestUsers.create(port, "SUPERVISOR");
        var issued = owner.caller().post("/api/me/tokens", "{\"name\": \"mine\"}").json();

        assertProblem(other.caller().delete("/api/me/tokens/" + issued.get("id").asString()), 404, "no API token");
        assertThat(ApiCaller.bearer(port, issued.get("secret").asString()).get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void anAdminSeesEveryTokenWithItsOwnerAndRevokesIt() {
        var owner = TestUsers.create(port, "CURATOR");
        var issued = owner.caller().post("/api/me/tokens", "{\"name\": \"importer\"}").json();
        var admin = ApiCaller.basic(port, "admin", AdminUsersApiTest.ADMIN_PASSWORD);

        var all = admin.get("/api/admin/tokens");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.text()).contains(issued.get("id").asString()).contains(owner.username())
            .doesNotContain(issued.get("secret").asString());

        assertThat(admin.delete("/api/admin/tokens/" + issued.get("id").asString()).status()).isEqualTo(204);
        assertThat(admin.delete("/api/admin/tokens/" + issued.get("id").asString()).status()).isEqualTo(204);
        assertThat(ApiCaller.bearer(port, issued.get("secret").asString()).get("/api/me").status()).isEqualTo(401);
        assertProblem(admin.delete("/api/admin/tokens/" + UUID.randomUUID()), 404, "No API token");
    }

    @Test
    void aTokenNeedsAName() {
        var user = TestUsers.create(port, "AGENT");
        assertProblem(user.caller().post("/api/me/tokens", "{}"), 400, "name is required");
        assertProblem(user.caller().post("/api/me/tokens", "{\"name\": \"" + "x".repeat(101) + "\"}"), 400,
                "at most 100 characters");
        assertProblem(ApiCaller.bearer(port, "tdm_not-a-real-token").get("/api/me/tokens"), 401, "unknown");
    }
}
