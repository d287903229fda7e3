package dev.tandem.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.FormSession;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/**
 * The admin pages of procedures (with the try-it box) and the outbox, and the approval queue's page; the
 * same properties as {@code ProceduresApiTest}, so they share its application context.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true",
        "tandem.procedures.systems.northwind.timeout=PT1S",
        "tandem.procedures.systems.northwind.breaker-open-for=PT0.2S" })
class ProceduresPageTest {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Test
    void anAdminSeesTheProceduresAndTriesAMessage() {
        var admin = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
        var page = admin.get("/admin/procedures");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Password reset", "Gift card balance", "Order status and tracking", "Refund",
                "Change of shipping address", "demo/procedures/refund.yml");

        var tried = admin.submit("/admin/procedures/try", Map.of("message", "I'd like a refund for NW-1002"));
        assertThat(tried.statusCode()).isEqualTo(200);
        assertThat(tried.body()).contains("matched &quot;like refund&quot;", "order_number: NW-1002");

        var question = admin.submit("/admin/procedures/try", Map.of("message", "How do I reset my password?"));
        assertThat(question.body()).contains("No procedure.");
    }

    @Test
    void theOutboxIsForAdmins() {
        var admin = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
        assertThat(admin.get("/admin/outbox").statusCode()).isEqualTo(200);
        var agent = new TestAccounts(accounts, teams).agent();
        new TestApi(port).as(agent.username(), TestAccounts.PASSWORD).get("/api/admin/outbox").expectProblem(403);
        assertThat(FormSession.signIn(port, agent.username(), TestAccounts.PASSWORD).get("/admin/procedures").statusCode()).isEqualTo(403);
    }

    @Test
    void theApprovalQueueIsForSupervisors() {
        var supervisor = new TestAccounts(accounts, teams).supervisor();
        assertThat(FormSession.signIn(port, supervisor.username(), TestAccounts.PASSWORD).get("/approvals").body())
            .contains("Approvals", "Waiting");
        var agent = new TestAccounts(accounts, teams).agent();
        assertThat(FormSession.signIn(port, agent.username(), TestAccounts.PASSWORD).get("/approvals").statusCode()).isEqualTo(403);
        new TestApi(port).as(agent.username(), TestAccounts.PASSWORD).get("/api/approvals").expectProblem(403);
    }
}
