package dev.tandem.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.ApiCaller.Reply;
import dev.tandem.TandemTest;
import tools.jackson.databind.JsonNode;

@TandemTest
class AdminWidgetInboxesApiTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminStylesTheWidgetAndCustomersSeeIt() {
        var admin = ApiCaller.basic(port, "admin", "admin-password-for-tests");
        JsonNode inbox = admin.get("/api/admin/widget-inboxes").json().get(0);
        String id = inbox.get("id").asString();
        String key = inbox.get("key").asString();
        assertThat(inbox.get("embedSnippet").asString()).isEqualTo("<script src=\"http://localhost:" + port
                + "/widget/widget.js\" data-inbox=\"" + key + "\" async></script>");
        String team = admin.post("/api/admin/teams", "{\"name\": \"Web " + UUID.randomUUID() + "\"}").json().get("id")
            .asString();

        Reply updated = admin.put("/api/admin/widget-inboxes/" + id, """
                {"companyName": "Northwind", "greeting": "Hello there!", "color": "#2F6F4E", "teamId": "%s"}"""
            .formatted(team));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("color").asString()).isEqualTo("#2f6f4e");
        assertThat(updated.json().get("name").asString()).isEqualTo(inbox.get("name").asString());
        assertThat(updated.json().get("teamId").asString()).isEqualTo(team);
        JsonNode seen = ApiCaller.anonymous(port).get("/api/widget/inboxes/" + key).json();
        assertThat(seen.get("companyName").asString()).isEqualTo("Northwind");
        assertThat(seen.get("greeting").asString()).isEqualTo("Hello there!");

        // other tests start conversations in this shared inbox and expect them in no team
        admin.put("/api/admin/widget-inboxes/" + id,
                "{\"companyName\": \"Northwind\", \"greeting\": \"Hello there!\", \"color\": \"#2F6F4E\"}");
    }

    @Test
    void refusesInvalidSettings() {
        var admin = ApiCaller.basic(port, "admin", "admin-password-for-tests");
        String id = admin.get("/api/admin/widget-inboxes").json().get(0).get("id").asString();
        String valid = "\"companyName\": \"Acme\", \"greeting\": \"Hi\"";

        assertProblem(admin.put("/api/admin/widget-inboxes/" + id, "{" + valid + ", \"color\": \"blue\"}"), 400,
                "colour must look like");
        assertProblem(admin.put("/api/admin/widget-inboxes/" + id, "{\"companyName\": \"Acme\", \"color\": \"#000000\"}"),
                400, "greeting is required");
        assertProblem(admin.put("/api/admin/widget-inboxes/" + id,
                "{" + valid + ", \"color\": \"#000000\", \"teamId\": \"" + UUID.randomUUID() + "\"}"), 400,
                "Unknown team");
        assertProblem(admin.put("/api/admin/widget-inboxes/" + UUID.randomUUID(), "{" + valid + ", \"color\": \"#000000\"}"),
                404, "No widget inbox");
        assertProblem(admin.put("/api/admin/widget-inboxes/" + id, "{" + valid + ", \"color\": 7,}"), 400,
                "not valid JSON");
    }

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.detail()).contains(detail);
    }
}
