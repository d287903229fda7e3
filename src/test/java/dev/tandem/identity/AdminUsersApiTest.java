package dev.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.ApiCaller.Reply;
import dev.tandem.TandemTest;

@TandemTest
class AdminUsersApiTest {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    int port;

    ApiCaller admin;

    @BeforeEach
    void signIn() {
        admin = ApiCaller.basic(port, "admin", ADMIN_PASSWORD);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    Reply createUser(String username, String roles, String extra) {
        return admin.post("/api/admin/users", """
                {"username": "%s", "displayName": "Test %s", "password": "a-long-password-123",
                 "roles": [%s] %s}""".formatted(username, username, roles, extra));
    }

    @Test
    void createsReadsAndChangesAUser() {
        String team = admin.post("/api/admin/teams", "{\"name\": \"" + unique("Team ") + "\"}").json().get("id").asString();
        String username = unique("jo");
        Reply created = createUser(username, "\"AGENT\"", """
                , "email": "jo@example.com", "teamIds": ["%s"], "languages": ["EN", " de "], "skills": ["returns"],
                "maxConcurrent": 4""".formatted(team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var user = created.json();
        assertThat(user.get("username").asString()).isEqualTo(username);
        assertThat(user.get("languages").toString()).isEqualTo("[\"de\",\"en\"]");
        assertThat(user.get("teamIds").get(0).asString()).isEqualTo(team);
        assertThat(user.get("maxConcurrent").asInt()).isEqualTo(4);
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("passwordHash")).isFalse();
        String id = user.get("id").asString();

        assertThat(admin.get("/api/admin/users/" + id).json().get("email").asString()).isEqualTo("jo@example.com");
        assertThat(admin.get("/api/admin/users").text()).contains(username);

        Reply changed = admin.put("/api/admin/users/" + id, """
                {"displayName": "Jo Changed", "roles": ["AGENT", "SUPERVISOR"], "languages": ["fr"],
                 "maxConcurrent": 7, "enabled": false}""");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("displayName").asString()).isEqualTo("Jo Changed");
        assertThat(changed.json().get("roles").toString()).isEqualTo("[\"SUPERVISOR\",\"AGENT\"]");
        assertThat(changed.json().get("teamIds").size()).isZero();
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
    }

    @Test
    void resetsAPassword() {
        String username = unique("pw");
        String id = createUser(username, "\"CURATOR\"", "").json().get("id").asString();

        Reply reset = admin.post("/api/admin/users/" + id + "/password", "{\"password\": \"a-brand-new-password\"}");

        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(ApiCaller.basic(port, username, "a-brand-new-password").get("/api/me").status()).isEqualTo(200);
        Reply tooShort = admin.post("/api/admin/users/" + id + "/password", "{\"password\": \"short\"}");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.detail()).contains("12 to 128 characters");
    }

    @Test
    void refusesInvalidUsersWithAUsefulProblem() {
        String taken = unique("dup");
        createUser(taken, "\"AGENT\"", "");
        assertProblem(createUser(taken, "\"AGENT\"", ""), 409, "is taken");
        assertProblem(admin.post("/api/admin/users", "{\"username\": \"x1\", \"displayName\": \"X\", \"roles\": [\"AGENT\"]}"),
                400, "password is required");
        assertProblem(admin.post("/api/admin/users", "{\"username\": "), 400, "not valid JSON");
        assertProblem(admin.post("/api/admin/users", ""), 400, "");
        assertProblem(createUser(unique("r"), "\"KING\"", ""), 400, "KING");
        assertProblem(createUser(unique("r"), "", ""), 400, "roles needs at least one");
        assertProblem(createUser(unique("t"), "\"AGENT\"", ", \"maxConcurrent\": \"many\""), 400, "many");
        assertProblem(createUser(unique("t"), "\"AGENT\"", ", \"maxConcurrent\": 99"), 400, "maxConcurrent");
        assertProblem(createUser(unique("t"), "\"AGENT\"", ", \"teamIds\": [\"" + UUID.randomUUID() + "\"]"), 400,
                "Unknown team");
        assertProblem(createUser(unique("t"), "\"AGENT\"", ", \"teamIds\": [\"not-a-uuid\"]"), 400, "not-a-uuid");
        assertProblem(createUser(unique("t"), "\"AGENT\"", ", \"languages\": [\"english please\"]"), 400,
                "not a language code");
        assertProblem(createUser(unique("t"), "\"AGENT\"", ", \"email\": \"nope\""), 400, "not an e-mail address");
        assertProblem(createUser("Bad Name!", "\"AGENT\"", ""), 400, "Username must be");
        assertProblem(createUser(unique("t"), "null", ""), 400, "null");
    }

    @Test
    void answersUnknownIdsWithNotFound() {
        UUID nobody = UUID.randomUUID();
        assertProblem(admin.get("/api/admin/users/" + nobody), 404, "No user with id " + nobody);
        assertProblem(admin.put("/api/admin/users/" + nobody,
                "{\"displayName\": \"X\", \"roles\": [\"AGENT\"], \"maxConcurrent\": 2, \"enabled\": true}"), 404,
                "No user");
        assertProblem(admin.post("/api/admin/users/" + nobody + "/password", "{\"password\": \"long-enough-password\"}"),
                404, "No user");
        assertProblem(admin.get("/api/admin/users/not-a-uuid"), 400, "");
    }

    @Test
    void requiresTheFieldsOfAReplacement() {
        String id = createUser(unique("put"), "\"AGENT\"", "").json().get("id").asString();
        assertProblem(admin.put("/api/admin/users/" + id, "{\"roles\": [\"AGENT\"]}"), 400, "displayName is required");
    }

    static void assertProblem(Reply reply, int status, String detailContains) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.detail()).as(reply.toString()).contains(detailContains);
    }
}
