package dev.tandem.conversation;

import static dev.tandem.TestApi.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.audit.AuditEntry;
import dev.tandem.audit.AuditLog;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/**
 * Every state change publishes its event: seen through its effects, the audit log written by a
 * listener after commit, and the event publication registry that tracks those listeners.
 */
@TandemTest
class ConversationEventsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    TestAccounts accounts;
    /**
     * On PostgreSQL every test context shares one schema, and Spring pauses the cached contexts a test class
     * does not use (their executors stop): work another context left queued stays an open publication there
     * until that context runs again. This class answers for the events published while it runs.
     */
    java.sql.Timestamp since;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
        since = jdbc.sql("select current_timestamp").query(java.sql.Timestamp.class).single();
    }

    @Test
    void assigningResolvingAndReopeningAreAudited() {
        var customer = WidgetCustomer.start(api, "Audit me");
        var agent = Agent.of(api, accounts.agent());
        var colleague = Agent.of(api, accounts.agent());

        agent.assign(customer.id()).expect(200);
        AuditEntry assigned = entry(agent.user().username(), "CONVERSATION_ASSIGNED", customer.id());
        assertThat(assigned.detail()).contains(agent.id().toString());
        assertThat(assigned.targetType()).isEqualTo("conversation");

        agent.resolve(customer.id()).expect(200);
        agent.resolve(customer.id()).expect(200);
        entry(agent.user().username(), "CONVERSATION_RESOLVED", customer.id());

        colleague.reopen(customer.id()).expect(200);
        entry(colleague.user().username(), "CONVERSATION_REOPENED", customer.id());
        AuditEntry reassigned = entry(colleague.user().username(), "CONVERSATION_ASSIGNED", customer.id());
        assertThat(reassigned.detail()).contains(colleague.id().toString());

        colleague.resolve(customer.id()).expect(200);
        customer.post("I'm back").expect(201);
        entry("customer", "CONVERSATION_REOPENED", customer.id());

        awaitAllPublicationsCompleted();
        assertThat(entries(agent.user().username(), "CONVERSATION_RESOLVED", customer.id()))
            .as("resolving twice publishes once").hasSize(1);
    }

    @Test
    void transfersAreAudited() {
        var team = accounts.team("audit-transfer");
        var other = accounts.team("audit-other");
        var customer = WidgetCustomer.start(api, "Transfer me");
        var agent = Agent.of(api, accounts.agent(team));
        var colleague = Agent.of(api, accounts.agent(team));
        agent.assign(customer.id()).expect(200);

        agent.transfer(customer.id(), map("toAgentId", colleague.id(), "note", "over to you")).expect(200);
        AuditEntry toAgent = entry(agent.user().username(), "CONVERSATION_TRANSFERRED", customer.id());
        assertThat(toAgent.detail()).contains(colleague.id().toString()).contains("over to you");
        AuditEntry assigned = entry(agent.user().username(), "CONVERSATION_ASSIGNED", customer.id());
        assertThat(assigned.detail()).contains(colleague.id().toString());

        colleague.transfer(customer.id(), map("toTeamId", other.id())).expect(200);
        AuditEntry toTeam = entry(colleague.user().username(), "CONVERSATION_TRANSFERRED", customer.id());
        assertThat(toTeam.detail()).contains("team " + other.name()).contains(other.id().toString());
    }

    @Test
    void longAuditDetailsAreCutBetweenCharactersNotInsideThem() {
        var agent = Agent.of(api, accounts.agent());
        var colleague = Agent.of(api, accounts.agent());
        String emoji = "\uD83C\uDF32"; // 🌲
        for (String note : List.of(emoji.repeat(1990), "x" + emoji.repeat(1990))) {
            var customer = WidgetCustomer.start(api, "Long note");
            agent.assign(customer.id()).expect(200);
            agent.transfer(customer.id(), map("toAgentId", colleague.id(), "note", note)).expect(200);

            AuditEntry entry = entry(agent.user().username(), "CONVERSATION_TRANSFERRED", customer.id());
            assertThat(entry.detail().length()).isLessThanOrEqualTo(2000);
            assertThat(hasLoneSurrogate(entry.detail())).as("detail ends with a broken emoji").isFalse();
        }
    }

    @Test
    void failedSignInsAreAudited() {
        var agent = accounts.agent();
        api.as(agent.username(), "definitely-wrong").get("/api/conversations").expectProblem(401);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                audit.find(new AuditLog.Query(agent.username(), "SIGN_IN_FAILED", 10, 0))).isNotEmpty());
        // HTTP Basic on every API call is not an interactive sign-in and must not flood the log
        api.as(agent.username(), TestAccounts.PASSWORD).get("/api/conversations").expect(200);
        awaitAllPublicationsCompleted();
        assertThat(audit.find(new AuditLog.Query(agent.username(), "SIGN_IN", 10, 0))).isEmpty();
    }

    @Test
    void everyEventListenerCompletes() {
        var customer = WidgetCustomer.start(api, "Many events");
        var agent = Agent.of(api, accounts.agent());
        agent.reply(customer.id(), "Hello").expect(201);
        customer.handoff().expect(200);
        agent.resolve(customer.id()).expect(200);
        customer.post("Again").expect(201);

        awaitAllPublicationsCompleted();
    }

    /** Listeners tracked by the registry (the audit log) finish, and completed publications are deleted. */
    void awaitAllPublicationsCompleted() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                select listener_id || ' ← ' || event_type || ' (' || coalesce(status, '?') || ')'
                from event_publication where publication_date >= ? order by publication_date""").param(since)
                .query(String.class).list())
            .as("publications not completed").isEmpty());
    }

    AuditEntry entry(String actor, String action, UUID conversation) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> entries(actor, action, conversation),
                list -> !list.isEmpty()).get(0);
    }

    List<AuditEntry> entries(String actor, String action, UUID conversation) {
        return audit.find(new AuditLog.Query(actor, action, 500, 0)).stream()
            .filter(e -> conversation.toString().equals(e.targetId())).toList();
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
            else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
