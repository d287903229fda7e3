package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.FormSession;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/** The escalation policy's admin page and API: the rules in effect, and trying them on a conversation. */
@TandemTest
class EscalationPageTest {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Test
    void anAdminSeesTheRulesAndTriesAConversation() {
        var admin = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
        var page = admin.get("/admin/escalation");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("asks-for-a-person", "fraud-or-unauthorised-charge", "classpath:escalation/rules.yml");

        var tried = admin.submit("/admin/escalation/try", Map.of("conversation", """
                C: where is my parcel?
                AI: Here is what our help centre says: follow it in Account → Orders.
                C: that didn't help. I want to speak to a manager"""));
        assertThat(tried.statusCode()).isEqualTo(200);
        assertThat(tried.body()).contains("Hand over", "The customer asked to talk to a person.", "answer-did-not-help");

        var calm = admin.submit("/admin/escalation/try", Map.of("conversation", "Can my manager also use my account?"));
        assertThat(calm.body()).contains("The assistant goes on.");

        var broken = admin.submit("/admin/escalation/try", Map.of("conversation", "AI: hello"));
        assertThat(broken.body()).contains("End with a customer message");
    }

    @Test
    void onlyAdminsSeeIt() {
        var agent = new TestAccounts(userAccounts, teams).agent();
        var session = FormSession.signIn(port, agent.username(), TestAccounts.PASSWORD);
        assertThat(session.get("/admin/escalation").statusCode()).isEqualTo(403);
    }

    @Test
    void theApiDecidesAndExplains() {
        var admin = new TestApi(port).as("admin", ADMIN_PASSWORD);
        JsonNode verdict = admin.post("/api/admin/escalation/assess", Map.of("messages", List.of(
                Map.of("author", "customer", "text", "Ich möchte mit einem Mitarbeiter sprechen")))).expect(200).json();
        assertThat(verdict.get("escalate").asBoolean()).isTrue();
        assertThat(verdict.get("language").asString()).isEqualTo("de");
        assertThat(verdict.get("holdingMessage").asString()).contains("Natürlich");
        assertThat(verdict.get("findings").get(0).get("reason").asString()).isEqualTo("PERSON_REQUEST");

        assertThat(admin.get("/api/admin/escalation/rules").expect(200).json().findValuesAsString("name"))
            .contains("account-hacked", "bereavement");

        admin.post("/api/admin/escalation/assess", Map.of("messages", List.of())).expectProblem(400);
        admin.post("/api/admin/escalation/assess", Map.of("messages", List.of(
                Map.of("author", "ai", "text", "Hello")))).expectProblem(400);
        admin.post("/api/admin/escalation/assess", Map.of("messages", List.of(
                Map.of("author", "robot", "text", "Hello")))).expectProblem(400);
    }
}
