package dev.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tandem.ApiCaller;
import dev.tandem.ApiCaller.Reply;
import dev.tandem.TandemTest;
import tools.jackson.databind.JsonNode;

/** The audit log records what the issue asks for, can be read and filtered, and cannot be changed. */
@TandemTest
class AuditApiTest {

    static final String PASSWORD = "a-long-password-123";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    ApiCaller admin;

    @BeforeEach
    void signIn() {
        admin = ApiCaller.basic(port, "admin", "admin-password-for-tests");
    }

    @Test
    void recordsFailedSignInsRoleChangesAndTokens() {
        String username = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        String id = admin.post("/api/admin/users", """
                {"username": "%s", "displayName": "Audited", "password": "%s", "roles": ["AGENT"]}"""
            .formatted(username, PASSWORD)).json().get("id").asString();

        ApiCaller.basic(port, username, "wrong-password-here").get("/api/me");
        admin.put("/api/admin/users/" + id, """
                {"displayName": "Audited", "roles": ["SUPERVISOR"], "maxConcurrent": 3, "enabled": true}""");
        var token = ApiCaller.basic(port, username, PASSWORD).post("/api/me/tokens", "{\"name\": \"audited token\"}")
            .json();
        admin.delete("/api/admin/tokens/" + token.get("id").asString());

        JsonNode failed = awaitEntry("actor=" + username + "&action=SIGN_IN_FAILED");
        assertThat(failed.get("targetId").asString()).isEqualTo(username);
        assertThat(failed.get("remoteIp").asString()).isNotBlank();
        JsonNode roles = awaitEntry("actor=admin&action=ROLES_CHANGED", username);
        assertThat(roles.get("detail").asString()).contains("AGENT").contains("SUPERVISOR");
        JsonNode issued = awaitEntry("actor=" + username + "&action=API_TOKEN_ISSUED");
        assertThat(issued.get("targetId").asString()).isEqualTo(token.get("id").asString());
        awaitEntry("actor=admin&action=API_TOKEN_REVOKED", token.get("id").asString());
        awaitEntry("actor=admin&action=USER_CREATED", username);
    }

    @Test
    void listsNewestFirstInPages() {
        for (int i = 0; i < 3; i++) {
            admin.post("/api/admin/teams", "{\"name\": \"Paged " + UUID.randomUUID() + "\"}");
        }
        ApiCaller.eventually("three team entries",
                () -> admin.get("/api/admin/audit?action=TEAM_CHANGED&limit=500").json().get("total").asLong() >= 3);

        JsonNode first = admin.get("/api/admin/audit?action=TEAM_CHANGED&limit=2").json();
        JsonNode second = admin.get("/api/admin/audit?action=TEAM_CHANGED&limit=2&offset=2").json();

        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("limit").asInt()).isEqualTo(2);
        assertThat(second.get("offset").asInt()).isEqualTo(2);
        String newest = first.get("items").get(0).get("occurredAt").asString();
        String older = first.get("items").get(1).get("occurredAt").asString();
        assertThat(java.time.Instant.parse(newest)).isAfterOrEqualTo(java.time.Instant.parse(older));
        assertThat(first.get("items").get(0).get("id").asString())
            .isNotEqualTo(second.get("items").get(0).get("id").asString());
        assertThat(admin.get("/api/admin/audit/actions").json().toString()).contains("TEAM_CHANGED");
    }

    @Test
    void rejectsBadPagingWithAProblem() {
        assertProblem(admin.get("/api/admin/audit?limit=0"), 400, "limit must be between 1 and 500");
        assertProblem(admin.get("/api/admin/audit?limit=501"), 400, "limit must be between 1 and 500");
        assertProblem(admin.get("/api/admin/audit?offset=-1"), 400, "offset must not be negative");
        assertProblem(admin.get("/api/admin/audit?limit=ten"), 400, "");
    }

    @Test
    void noEndpointChangesOrDeletesEntries() {
        String anyId = admin.get("/api/admin/audit?limit=1").json().get("items").get(0).get("id").asString();

        for (String method : new String[] { "PUT", "DELETE", "POST", "PATCH" }) {
            Reply onLog = admin.send(method, "/api/admin/audit", method.equals("DELETE") ? null : "{}");
            assertThat(onLog.status()).as(method + " /api/admin/audit: " + onLog).isIn(404, 405);
            assertThat(onLog.isProblem()).as(onLog.toString()).isTrue();
            Reply onEntry = admin.send(method, "/api/admin/audit/" + anyId, method.equals("DELETE") ? null : "{}");
            assertThat(onEntry.status()).as(method + " on an entry: " + onEntry).isIn(404, 405);
        }
        assertThat(admin.get("/api/admin/audit?limit=500").text()).contains(anyId);
    }

    @Test
    void thePostgresqlDatabaseItselfRefusesToChangeEntries() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"),
                    "the append-only trigger exists on PostgreSQL only");
        }
        awaitEntry("actor=admin", null);

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set detail = 'tampered'").update())
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update()).hasMessageContaining("append-only");
    }

    private JsonNode awaitEntry(String query, String targetOrDetail) {
        JsonNode[] found = new JsonNode[1];
        ApiCaller.eventually("an audit entry for " + query, () -> {
            for (JsonNode entry : admin.get("/api/admin/audit?limit=500&" + query).json().get("items")) {
                if (targetOrDetail == null || entry.path("targetId").asString().equals(targetOrDetail)
                        || entry.path("detail").asString().contains(targetOrDetail)) {
                    found[0] = entry;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private JsonNode awaitEntry(String query) {
        return awaitEntry(query, null);
    }

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.detail()).contains(detail);
    }
}
