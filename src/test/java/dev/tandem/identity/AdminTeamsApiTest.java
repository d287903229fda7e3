package dev.tandem.identity;

import static dev.tandem.identity.AdminUsersApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;
import tools.jackson.databind.JsonNode;

@TandemTest
class AdminTeamsApiTest {

    @LocalServerPort
    int port;

    @Test
    void createsRenamesCountsAndDeletesTeams() {
        var admin = ApiCaller.basic(port, "admin", AdminUsersApiTest.ADMIN_PASSWORD);
        String name = "Returns " + UUID.randomUUID().toString().substring(0, 6);

        var created = admin.post("/api/admin/teams", "{\"name\": \"  " + name + " \"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo(name);
        String id = created.json().get("id").asString();

        assertProblem(admin.post("/api/admin/teams", "{\"name\": \"" + name.toUpperCase() + "\"}"), 409, "exists");
        assertProblem(admin.post("/api/admin/teams", "{\"name\": \" \"}"), 400, "name is required");
        assertProblem(admin.post("/api/admin/teams", "{\"name\": 42"), 400, "not valid JSON");

        admin.post("/api/admin/users", """
                {"username": "member-%s", "displayName": "Member", "password": "a-long-password-123",
                 "roles": ["AGENT"], "teamIds": ["%s"]}""".formatted(UUID.randomUUID().toString().substring(0, 6), id));
        assertThat(team(admin, id).get("memberCount").asLong()).isEqualTo(1);

        var renamed = admin.put("/api/admin/teams/" + id, "{\"name\": \"" + name + " EU\"}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(team(admin, id).get("name").asString()).isEqualTo(name + " EU");

        assertThat(admin.delete("/api/admin/teams/" + id).status()).isEqualTo(204);
        assertThat(team(admin, id)).isNull();
        assertProblem(admin.delete("/api/admin/teams/" + id), 404, "No team with id");
        assertProblem(admin.put("/api/admin/teams/" + id, "{\"name\": \"x\"}"), 404, "No team with id");
    }

    private static JsonNode team(ApiCaller admin, String id) {
        for (JsonNode team : admin.get("/api/admin/teams").json()) {
            if (team.get("id").asString().equals(id)) {
                return team;
            }
        }
        return null;
    }
}
