package dev.tandem.privacy;

import static dev.tandem.TestApi.map;
import static dev.tandem.TestApi.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.audit.AuditEntry;
import dev.tandem.audit.AuditLog;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.mail.Outbox;
import tools.jackson.databind.JsonNode;

/**
 * A customer talks to the team, an admin downloads everything about them and then erases it; the audit log keeps
 * that it happened and by whom, not what was said. Agents and anonymous callers cannot do either. The retention
 * policy deletes or anonymises conversations past their time.
 */
@TandemTest
class PrivacyApiTest {

    private static final String CARD = "4111 1111 1111 1111";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    Outbox outbox;

    @Autowired
    AuditLog audit;

    @Autowired
    CustomerData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    dev.tandem.channel.WidgetInboxes inboxes;

    String inbox;
    TestApi api;
    TestApi admin;
    dev.tandem.identity.Team team;
    Agent agent;
    String email;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        admin = api.as("admin", "admin-password-for-tests");
        var accounts = new TestAccounts(userAccounts, teams);
        team = accounts.team("privacy");
        agent = Agent.of(api, accounts.agent(team));
        email = TestAccounts.unique("grace") + "@example.com";
        inbox = inboxes.create(new dev.tandem.channel.WidgetInboxes.Settings(TestAccounts.unique("privacy"), "Shop", "Hi!",
                "#2f6f4e", null)).key();
    }

    private WidgetCustomer customerTalks() {
        var customer = WidgetCustomer.start(api, map("inbox", inbox, "message", "My card " + CARD + " was charged twice",
                "customer", map("name", "Grace Hopper", "email", email)));
        customer.post("Please call me back", "m-2").expect(201);
        outbox.send("tandem", email, "Your verification code", "Your code is 123456");
        return customer;
    }

    @Test
    void anAdminExportsEverythingAboutACustomerWithCardNumbersMasked() {
        var customer = customerTalks();

        var export = admin.get("/api/admin/privacy/export?email=" + email.toUpperCase()).expect(200);

        assertThat(export.header("Content-Disposition")).startsWith("attachment");
        JsonNode body = export.json();
        assertThat(body.get("conversationIds").toString()).contains(customer.id().toString());
        JsonNode messages = body.get("data").get("conversation").get("message");
        assertThat(messages.toString()).contains("charged twice").contains("[CARD]").doesNotContain(CARD)
            .contains("Please call me back");
        assertThat(body.get("data").get("conversation").get("customer").get(0).get("email").asString()).isEqualTo(email);
        assertThat(body.get("data").get("mail").get("outbox_email").toString()).contains("Your code is 123456");
        assertThat(body.get("data").has("guardrails")).isTrue();
        assertThat(body.get("data").get("answering").has("ai_answer")).isTrue();
        assertThat(body.get("data").get("procedures").has("procedure_run")).isTrue();
        assertThat(body.get("data").get("approvals").has("approval")).isTrue();

        AuditEntry entry = audited("CUSTOMER_DATA_EXPORTED", customerId(customer));
        assertThat(entry.actor()).isEqualTo("admin");
        assertThat(entry.detail()).doesNotContain(email);
    }

    @Test
    void anAdminErasesACustomerAndOnlyTheFactOfItStaysInTheAuditLog() {
        var customer = customerTalks();
        UUID customerId = customerId(customer);

        var erased = admin.post("/api/admin/privacy/erasures", map("customerId", customerId.toString())).expect(200).json();

        assertThat(erased.get("conversations").asInt()).isEqualTo(1);
        assertThat(erased.get("rows").get("message").asInt()).isEqualTo(2);
        assertThat(erased.get("rows").get("outbox_email").asInt()).isEqualTo(1);
        admin.get("/api/conversations/" + customer.id()).expectProblem(404);
        customer.get().expectProblem(404);
        assertThat(outbox.sentTo(email)).isEmpty();
        admin.get("/api/admin/privacy/export?email=" + email).expectProblem(404);
        admin.post("/api/admin/privacy/erasures", map("email", email)).expectProblem(404);

        AuditEntry entry = audited("CUSTOMER_DATA_ERASED", customerId);
        assertThat(entry.actor()).isEqualTo("admin");
        assertThat(entry.detail()).contains("1 conversation(s)").doesNotContain(email).doesNotContain("charged");
    }

    @Test
    void thePrivacyPageFindsTheCustomerForAnAdminOnly() {
        customerTalks();
        var page = dev.tandem.FormSession.signIn(port, "admin", "admin-password-for-tests")
            .get("/admin/privacy?lookup=" + email);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("What is stored").contains("Download all data (JSON)");
        var download = dev.tandem.FormSession.signIn(port, "admin", "admin-password-for-tests")
            .get("/admin/privacy/export?lookup=" + email);
        assertThat(download.body()).contains("Please call me back").doesNotContain(CARD);
        var agentsPage = dev.tandem.FormSession.signIn(port, agent.user().username(), TestAccounts.PASSWORD)
            .get("/admin/privacy?lookup=" + email);
        assertThat(agentsPage.statusCode()).isEqualTo(403);
    }

    @Test
    void onlyAdminsMayExportOrErase() {
        customerTalks();
        api.get("/api/admin/privacy/export?email=" + email).expectProblem(401);
        agent.api().get("/api/admin/privacy/export?email=" + email).expectProblem(403);
        agent.api().post("/api/admin/privacy/erasures", map("email", email)).expectProblem(403);
        admin.post("/api/admin/privacy/erasures", map()).expectProblem(400);
        admin.get("/api/admin/privacy/export?email=" + email + "&customerId=" + UUID.randomUUID()).expectProblem(400);
    }

    @Test
    void agentsReadConversationsAndHandoffsWithCardNumbersMasked() {
        var customer = customerTalks();
        customer.handoff();
        // routing rules other tests leave in a shared schema may have sent it elsewhere: bring it to the agent's team
        admin.post("/api/conversations/" + customer.id() + "/transfer", map("toTeamId", team.id())).expect(200);

        var seen = agent.conversation(customer.id());
        assertThat(seen.get("messages").toString()).contains("[CARD]").doesNotContain(CARD);
        assertThat(text(seen, "subject")).doesNotContain(CARD);
        var listed = agent.list("status=QUEUED,AI,ASSIGNED&limit=200").expect(200).json();
        assertThat(listed.toString()).doesNotContain(CARD);
        var handoff = agent.api().get("/api/conversations/" + customer.id() + "/handoff").expect(200);
        assertThat(handoff.body()).doesNotContain(CARD).doesNotContain("4111");
    }

    @Test
    void retentionDeletesConversationsPastTheirTime() {
        var old = customerTalks();
        var recent = WidgetCustomer.start(api, map("inbox", inbox, "message", "A recent question"));
        age(old.id(), 400);

        var run = retention(PrivacyProperties.Action.DELETE).apply();

        assertThat(run.conversations()).isGreaterThanOrEqualTo(1);
        admin.get("/api/conversations/" + old.id()).expectProblem(404);
        admin.get("/api/conversations/" + recent.id()).expect(200);
        assertThat(jdbc.sql("select count(*) from customer where email = ?").param(email).query(Long.class).single())
            .isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> audit.find(new AuditLog.Query(null, "RETENTION_APPLIED", 10, 0)),
                entries -> !entries.isEmpty());
    }

    @Test
    void retentionCanAnonymiseInsteadAndKeepsTheCounts() {
        var old = customerTalks();
        age(old.id(), 400);

        var run = retention(PrivacyProperties.Action.ANONYMISE).apply();
        assertThat(run.conversations()).isGreaterThanOrEqualTo(1);

        var kept = admin.get("/api/conversations/" + old.id()).expect(200).json();
        assertThat(kept.get("messages").size()).isEqualTo(2);
        assertThat(kept.get("messages").toString()).doesNotContain("charged").contains("[removed]");
        assertThat(kept.get("customer").get("email").isNull()).isTrue();
        assertThat(kept.get("customer").get("name").isNull()).isTrue();
        old.get().expectProblem(404);
        assertThat(retention(PrivacyProperties.Action.ANONYMISE).apply().conversations())
            .as("a second run finds nothing left to do").isZero();
    }

    private Retention retention(PrivacyProperties.Action action) {
        return new Retention(data, jdbc, transactions,
                new PrivacyProperties(new PrivacyProperties.Retention(365, action, "-", 1)), events);
    }

    private void age(UUID conversation, int days) {
        jdbc.sql("update conversation set last_message_at = ? where id = ?")
            .params(Timestamp.from(Instant.now().minus(Duration.ofDays(days))), conversation)
            .update();
    }

    private UUID customerId(WidgetCustomer customer) {
        return jdbc.sql("select customer_id from conversation where id = ?").param(customer.id()).query(UUID.class).single();
    }

    private AuditEntry audited(String action, UUID customerId) {
        return await().atMost(Duration.ofSeconds(30))
            .until(() -> audit.find(new AuditLog.Query(null, action, 500, 0)).stream()
                .filter(e -> e.targetId() != null && e.targetId().contains(customerId.toString()))
                .findFirst()
                .orElse(null), e -> e != null);
    }
}
