package dev.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.ApiCaller;
import dev.tandem.FormSession;
import dev.tandem.TandemTest;

@TandemTest
class AdminUsersPageTest {

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    @Autowired
    Teams teams;

    FormSession admin;

    @BeforeEach
    void signIn() {
        admin = FormSession.signIn(port, "admin", AdminUsersApiTest.ADMIN_PASSWORD);
    }

    @Test
    void createsAUserThroughTheForm() {
        String username = "form-" + UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Form team " + UUID.randomUUID(), "test");
        admin.get("/admin/users");

        var created = admin.submit("/admin/users", List.of(Map.entry("username", username),
                Map.entry("displayName", "Form Person"), Map.entry("email", "form@example.com"),
                Map.entry("password", "a-long-password-123"), Map.entry("roles", "AGENT"),
                Map.entry("roles", "CURATOR"), Map.entry("teamIds", team.id().toString()),
                Map.entry("languages", "en, DE"), Map.entry("skills", "returns, product care"),
                Map.entry("maxConcurrent", "3")));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users");
        var list = admin.get("/admin/users");
        assertThat(list.body()).contains("Form Person", username, "Created Form Person");
        assertThat(admin.get("/admin/users").body()).as("the flash message shows once").doesNotContain("Created Form Person");
        var user = directory.userByUsername(username).orElseThrow();
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.CURATOR);
        assertThat(user.teamIds()).containsExactly(team.id());
        assertThat(user.languages()).containsExactlyInAnyOrder("en", "de");
        assertThat(user.skills()).containsExactlyInAnyOrder("returns", "product care");
        assertThat(user.maxConcurrent()).isEqualTo(3);
        assertThat(ApiCaller.basic(port, username, "a-long-password-123").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void showsAnInvalidFormAgainWithTheErrorAndTheEnteredValues() {
        var taken = TestUsers.create(port, "AGENT");
        admin.get("/admin/users");

        var refused = admin.submit("/admin/users", List.of(Map.entry("username", taken.username()),
                Map.entry("displayName", "Second Of That Name"), Map.entry("password", "a-long-password-123"),
                Map.entry("roles", "AGENT"), Map.entry("skills", "billing, refunds"), Map.entry("maxConcurrent", "4")));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The username &#39;" + taken.username() + "&#39; is taken.")
            .contains("value=\"Second Of That Name\"").contains("value=\"billing, refunds\"")
            .doesNotContain("a-long-password-123");
        var notANumber = admin.submit("/admin/users", List.of(Map.entry("username", "num-" + UUID.randomUUID().toString().substring(0, 6)),
                Map.entry("displayName", "Num"), Map.entry("password", "a-long-password-123"), Map.entry("roles", "AGENT"),
                Map.entry("maxConcurrent", "lots")));
        assertThat(notANumber.statusCode()).isEqualTo(422);
        assertThat(notANumber.body()).contains("is not a valid value for maximum concurrent conversations");
    }

    @Test
    void editsResetsThePasswordOfAndDisablesAUser() {
        var user = TestUsers.create(port, "AGENT");
        String page = "/admin/users/" + user.id();
        assertThat(admin.get(page).body()).contains(user.username());

        var saved = admin.submit(page, List.of(Map.entry("displayName", "Renamed Agent"), Map.entry("roles", "SUPERVISOR"),
                Map.entry("languages", "fr"), Map.entry("skills", ""), Map.entry("maxConcurrent", "9")));
        assertThat(saved.statusCode()).isEqualTo(302);
        var changed = directory.user(UUID.fromString(user.id())).orElseThrow();
        assertThat(changed.displayName()).isEqualTo("Renamed Agent");
        assertThat(changed.roles()).containsExactly(Role.SUPERVISOR);
        assertThat(changed.maxConcurrent()).isEqualTo(9);

        admin.get(page);
        var mismatch = admin.submit(page + "/password", Map.of("password", "new-long-password-1", "confirmation", "other"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("The two passwords differ.");
        assertThat(admin.submit(page + "/password",
                Map.of("password", "new-long-password-1", "confirmation", "new-long-password-1")).statusCode()).isEqualTo(302);
        assertThat(admin.get(page).body()).contains("Set a new password for Renamed Agent.");
        assertThat(ApiCaller.basic(port, user.username(), "new-long-password-1").get("/api/me").status()).isEqualTo(200);

        assertThat(admin.submit(page + "/enabled", Map.of("enabled", "false")).statusCode()).isEqualTo(302);
        assertThat(admin.get(page).body()).contains("Enable user").contains("Disabled " + "Renamed Agent");
        assertThat(ApiCaller.basic(port, user.username(), "new-long-password-1").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void anUnknownUserLeadsBackToTheList() {
        var missing = admin.get("/admin/users/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(302);
        assertThat(missing.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users");
    }
}
