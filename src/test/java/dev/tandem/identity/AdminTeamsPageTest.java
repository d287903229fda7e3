package dev.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.FormSession;
import dev.tandem.TandemTest;

@TandemTest
class AdminTeamsPageTest {

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    @Test
    void createsRenamesAndDeletesATeam() {
        var admin = FormSession.signIn(port, "admin", AdminUsersApiTest.ADMIN_PASSWORD);
        String name = "Page team " + UUID.randomUUID().toString().substring(0, 6);
        admin.get("/admin/teams");

        assertThat(admin.submit("/admin/teams", Map.of("name", name)).statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/teams").body()).contains(name, "Created the team " + name);
        UUID id = directory.teamByName(name).orElseThrow().id();

        var duplicate = admin.submit("/admin/teams", Map.of("name", name));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("A team named &#39;" + name + "&#39; exists.");

        var blankRename = admin.submit("/admin/teams/" + id + "/name", Map.of("name", " "));
        assertThat(blankRename.statusCode()).isEqualTo(422);
        assertThat(blankRename.body()).contains("A team needs a name");
        assertThat(admin.submit("/admin/teams/" + id + "/name", Map.of("name", name + " EU")).statusCode()).isEqualTo(302);
        assertThat(directory.team(id).orElseThrow().name()).isEqualTo(name + " EU");

        var page = admin.get("/admin/teams");
        assertThat(page.body()).contains("data-confirm=\"Delete the team " + name + " EU?");
        assertThat(admin.submit("/admin/teams/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(directory.team(id)).isEmpty();
        assertThat(admin.get("/admin/teams").body()).contains("Deleted the team " + name + " EU");
    }
}
