package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.Agent;
import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.audit.AuditLog;
import dev.tandem.channel.WidgetInboxes;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/**
 * Presence, first-response targets and their breaches, and the follow-up email, in the shared test
 * context: auto-assignment off (the default), so conversations wait to be claimed as before.
 */
@TandemTest
class RoutingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    WidgetInboxes inboxes;

    @Autowired
    FirstResponseWatch watch;

    @Autowired
    AuditLog audit;

    TestApi api;
    TestAccounts accounts;
    Team team;
    Agent agent;
    Agent supervisor;
    String inbox;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
        team = accounts.team("routing");
        agent = Agent.of(api, accounts.agent(team));
        supervisor = Agent.of(api, accounts.supervisor());
        inbox = inboxes.create(new WidgetInboxes.Settings("Routing", "Shop", "Hi", "#123456", team.id())).key();
    }

    private WidgetCustomer customer(String text) {
        return WidgetCustomer.start(api, Map.of("inbox", inbox, "message", text));
    }

    private JsonNode waitingWithTarget(UUID conversation) {
        ApiCaller.eventually("a first-response target", () -> !agent.conversation(conversation).get("firstResponse")
            .isNull());
        return agent.conversation(conversation);
    }

    @Test
    void presenceIsOfflineUntilSetAndShownWithCapacity() {
        assertThat(agent.api().get("/api/me/presence").expect(200).text("status")).isEqualTo("OFFLINE");

        JsonNode set = agent.api().put("/api/me/presence", Map.of("status", "ONLINE")).expect(200).json();
        assertThat(set.get("status").asString()).isEqualTo("ONLINE");
        assertThat(set.get("since").isNull()).isFalse();
        assertThat(agent.api().get("/api/me/presence").expect(200).text("status")).isEqualTo("ONLINE");
        agent.api().put("/api/me/presence", Map.of("status", "AWAY")).expect(200);

        JsonNode agents = supervisor.api().get("/api/routing/agents").expect(200).json();
        JsonNode me = null;
        for (JsonNode a : agents) {
            if (a.get("id").asString().equals(agent.id().toString())) {
                me = a;
            }
        }
        assertThat(me).isNotNull();
        assertThat(me.get("presence").asString()).isEqualTo("AWAY");
        assertThat(me.get("capacity").asInt()).isEqualTo(10);
        assertThat(me.get("assigned").asLong()).isZero();

        agent.api().put("/api/me/presence", Map.of("status", "BUSY")).expectProblem(400);
        agent.api().put("/api/me/presence", Map.of()).expectProblem(400);
        api.put("/api/me/presence", Map.of("status", "ONLINE")).expect(401);
    }

    @Test
    void aQueuedConversationGetsANormalFirstResponseTargetMetByTheFirstReply() {
        var customer = customer("Hello, where is my parcel?");

        JsonNode conversation = waitingWithTarget(customer.id());
        assertThat(conversation.get("priority").asString()).isEqualTo("NORMAL");
        JsonNode target = conversation.get("firstResponse");
        Instant since = Instant.parse(target.get("waitingSince").asString());
        Instant due = Instant.parse(target.get("dueAt").asString());
        assertThat(Duration.between(since, due)).isEqualTo(Duration.ofMinutes(15));
        assertThat(target.get("respondedAt").isNull()).isTrue();

        agent.note(customer.id(), "looking into it").expect(201);
        assertThat(agent.conversation(customer.id()).get("firstResponse").get("respondedAt").isNull()).isTrue();
        agent.reply(customer.id(), "Hi! Let me check.").expect(201);
        assertThat(agent.conversation(customer.id()).get("firstResponse").get("respondedAt").isNull()).isFalse();
        assertThat(agent.conversation(customer.id()).get("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void withoutAutoAssignmentAConversationWaitsForAClaimEvenWithAnAgentOnline() {
        agent.api().put("/api/me/presence", Map.of("status", "ONLINE")).expect(200);
        var customer = customer("Hi, I need help with my order");

        JsonNode conversation = waitingWithTarget(customer.id());
        assertThat(conversation.get("status").asString()).isEqualTo("QUEUED");
        assertThat(conversation.get("assigneeId").isNull()).isTrue();
    }

    @Test
    void aMissedTargetIsMarkedOnceAuditedAndAlertedUntilSomeoneReplies() {
        var customer = customer("Is anyone there?");
        waitingWithTarget(customer.id());

        // as if the watch ran an hour from now; every target still waiting by then is missed
        assertThat(watch.markMissed(Instant.now().plus(Duration.ofHours(1)))).isPositive();
        JsonNode target = agent.conversation(customer.id()).get("firstResponse");
        assertThat(target.get("breachedAt").isNull()).isFalse();
        assertThat(breaches(supervisor)).contains(customer.id().toString());
        assertThat(breaches(agent)).contains(customer.id().toString());

        watch.markMissed(Instant.now().plus(Duration.ofHours(1)));
        assertThat(breaches(supervisor).stream().filter(customer.id().toString()::equals)).hasSize(1);
        ApiCaller.eventually("an audit entry for the missed target", () -> audit
            .find(new AuditLog.Query("routing", "FIRST_RESPONSE_MISSED", 500, 0)).stream()
            .anyMatch(entry -> entry.targetId().equals(customer.id().toString())));
        assertThat(supervisor.api().get("/inbox/alerts").status()).isNotEqualTo(500);

        agent.reply(customer.id(), "Sorry for the wait!").expect(201);
        assertThat(breaches(supervisor)).doesNotContain(customer.id().toString());
    }

    @Test
    void anotherTeamsBreachesAreNotShownToAnAgent() {
        var other = Agent.of(api, accounts.agent(accounts.team("elsewhere")));
        var customer = customer("Hello?");
        waitingWithTarget(customer.id());
        watch.markMissed(Instant.now().plus(Duration.ofHours(1)));
        assertThat(breaches(other)).doesNotContain(customer.id().toString());
    }

    @Test
    void theCustomerCanLeaveAnEmailForAFollowUpAndTheAgentSeesIt() {
        var customer = customer("Please get back to me");

        var accepted = api.post(customer.path() + "/follow-up", Map.of("email", " Maria@Example.com "),
                WidgetCustomer.TOKEN_HEADER, customer.token()).expect(200).json();
        assertThat(accepted.get("email").asString()).isEqualTo("maria@example.com");
        api.post(customer.path() + "/follow-up", Map.of("email", "maria@example.com"), WidgetCustomer.TOKEN_HEADER,
                customer.token()).expect(200);

        JsonNode conversation = agent.conversation(customer.id());
        assertThat(conversation.get("customer").get("email").asString()).isEqualTo("maria@example.com");
        assertThat(conversation.get("messages").findValuesAsString("text").stream()
            .filter(t -> t.contains("follow-up by email at maria@example.com"))).hasSize(1);
        assertThat(customer.view().get("messages").findValuesAsString("text"))
            .noneMatch(t -> t.contains("follow-up by email"));

        api.post(customer.path() + "/follow-up", Map.of("email", "not-an-address"), WidgetCustomer.TOKEN_HEADER,
                customer.token()).expectProblem(400);
        api.post(customer.path() + "/follow-up", Map.of("email", "a@b.co"), WidgetCustomer.TOKEN_HEADER, "wrong")
            .expectProblem(404);
    }

    @Test
    void theSettingsInEffectAreReadable() {
        JsonNode settings = supervisor.api().get("/api/routing/settings").expect(200).json();
        assertThat(settings.get("autoAssign").asBoolean()).isFalse();
        assertThat(settings.get("rules").findValuesAsString("name")).contains("high-stakes-to-billing");
    }

    private java.util.List<String> breaches(Agent who) {
        return who.api().get("/api/routing/breaches").expect(200).json().findValuesAsString("conversationId");
    }
}
