package dev.tandem.identity;

import static dev.tandem.identity.AdminUsersApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;

/** Sign-in on the JSON API: HTTP Basic, throttling, API tokens and the admin-only area. */
@TandemTest
class SecurityApiTest {

    @LocalServerPort
    int port;

    @Test
    void aWrongPasswordIsRefusedWithAProblem() {
        var user = TestUsers.create(port, "AGENT");

        var reply = ApiCaller.basic(port, user.username(), "not-the-password").get("/api/me");

        assertProblem(reply, 401, "Sign in with HTTP Basic");
        assertProblem(ApiCaller.anonymous(port).get("/api/me"), 401, "Sign in");
    }

    @Test
    void theSixthAttemptAfterFiveWrongPasswordsIsRefusedEvenWithTheRightOne() {
        var user = TestUsers.create(port, "AGENT");
        var guesser = ApiCaller.basic(port, user.username(), "a-wrong-guess-123");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(guesser.get("/api/me").status()).as("attempt " + attempt).isEqualTo(401);
        }

        var reply = user.caller().get("/api/me");

        assertProblem(reply, 401, "Too many failed sign-ins");
        assertThat(TestUsers.create(port, "AGENT").caller().get("/api/me").status())
            .as("other users still sign in").isEqualTo(200);
    }

    @Test
    void anApiTokenWorksAsBearerUntilRevoked() {
        var user = TestUsers.create(port, "SUPERVISOR");
        var issued = user.caller().post("/api/me/tokens", "{\"name\": \"script\"}").json();
        var bearer = ApiCaller.bearer(port, issued.get("secret").asString());

        assertThat(bearer.get("/api/conversations").status()).isEqualTo(200);
        ApiCaller.basic(port, "admin", AdminUsersApiTest.ADMIN_PASSWORD)
            .delete("/api/admin/tokens/" + issued.get("id").asString());

        assertProblem(bearer.get("/api/conversations"), 401, "revoked");
    }

    @Test
    void onlyAdminsReachTheAdminApi() {
        for (String role : new String[] { "CURATOR", "AGENT", "SUPERVISOR" }) {
            var caller = TestUsers.create(port, role).caller();
            assertProblem(caller.get("/api/admin/users"), 403, "role does not allow");
            assertProblem(caller.get("/api/admin/audit"), 403, "role does not allow");
            assertProblem(caller.post("/api/admin/teams", "{\"name\": \"sneaky\"}"), 403, "role does not allow");
            assertThat(caller.get("/api/me").status()).isEqualTo(200);
        }
        var curator = TestUsers.create(port, "CURATOR");
        var token = curator.caller().post("/api/me/tokens", "{\"name\": \"t\"}").json().get("secret").asString();
        assertProblem(ApiCaller.bearer(port, token).get("/api/admin/tokens"), 403, "role does not allow");
    }

    @Test
    void aDisabledUserCanNoLongerSignInNorUseTheirTokens() {
        var user = TestUsers.create(port, "AGENT");
        var token = user.caller().post("/api/me/tokens", "{\"name\": \"t\"}").json().get("secret").asString();
        var admin = ApiCaller.basic(port, "admin", AdminUsersApiTest.ADMIN_PASSWORD);

        admin.put("/api/admin/users/" + user.id(), """
                {"displayName": "Gone", "roles": ["AGENT"], "maxConcurrent": 3, "enabled": false}""");

        assertThat(user.caller().get("/api/me").status()).isEqualTo(401);
        assertThat(ApiCaller.bearer(port, token).get("/api/me").status()).isEqualTo(401);
    }
}
