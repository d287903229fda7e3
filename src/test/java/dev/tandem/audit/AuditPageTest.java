package dev.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.FormSession;
import dev.tandem.TandemTest;

@TandemTest
class AuditPageTest {

    @LocalServerPort
    int port;

    @Test
    void showsTheLogNewestFirstFilteredByActorAndAction() {
        var api = ApiCaller.basic(port, "admin", "admin-password-for-tests");
        String team = "Audited team " + UUID.randomUUID().toString().substring(0, 6);
        api.post("/api/admin/teams", "{\"name\": \"" + team + "\"}");
        ApiCaller.eventually("the team's audit entry",
                () -> api.get("/api/admin/audit?action=TEAM_CHANGED&limit=500").text().contains(team));
        var admin = FormSession.signIn(port, "admin", "admin-password-for-tests");

        var all = admin.get("/admin/audit");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("Audit log", team, "<option value=\"TEAM_CHANGED\"");

        var filtered = admin.get("/admin/audit?actor=admin&action=TEAM_CHANGED").body();
        assertThat(filtered).contains(team).doesNotContain(">USER_CREATED</a>");
        assertThat(admin.get("/admin/audit?actor=nobody-at-all").body()).contains("Nothing matches this filter.");
        assertThat(admin.get("/admin/audit?page=banana").statusCode()).isEqualTo(200);
    }
}
