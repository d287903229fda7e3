package dev.tandem.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.channel.WidgetInboxes;
import dev.tandem.identity.Role;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import tools.jackson.databind.JsonNode;

/**
 * Wellbeing learnt from the conversations' events, end to end over the API with automatic assignment on: an agent's
 * figures, a break suggested after a run of difficult (abusive) contacts, the next difficult conversation routed to a
 * colleague (and still to them when nobody else is there), a break that pauses their assignments, the supervisor's
 * alert, and who may see whose figures. Thresholds are small here (two difficult contacts) so that the tests stay short.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.routing.auto-assign=true", "tandem.routing.check-every=PT1S",
        "tandem.wellbeing.breaks.after=2", "tandem.wellbeing.fewer-difficult.after=2", "tandem.wellbeing.alert.after=2",
        "tandem.wellbeing.refresh-every=PT1S" })
class WellbeingApiTest {

    /** Decisive for the abuse guard: a strong lexicon term aimed at the reader. */
    private static final String ABUSE = "You are a useless fucking idiot, where is my parcel";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    WidgetInboxes inboxes;

    @Autowired
    AgentStates states;

    TestApi api;
    TestAccounts accounts;
    Team team;
    String inbox;
    Agent supervisor;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
        team = accounts.team("wellbeing");
        inbox = inboxes.create(new WidgetInboxes.Settings("Wellbeing", "Shop", "Hi", "#123456", team.id())).key();
        supervisor = Agent.of(api, accounts.user("wbsup", Set.of(Role.SUPERVISOR), team));
    }

    /** Agents named so that, all else equal, routing prefers "wba" to "wbb" (its last tie-break is the name). */
    private Agent agent(String prefix, boolean online) {
        Agent agent = Agent.of(api, accounts.user(prefix, Set.of(Role.AGENT), team));
        if (online) {
            presence(agent, "ONLINE");
        }
        return agent;
    }

    private static void presence(Agent agent, String status) {
        agent.api().put("/api/me/presence", Map.of("status", status)).expect(200);
    }

    private WidgetCustomer customer(String text) {
        return WidgetCustomer.start(api, Map.of("inbox", inbox, "message", text));
    }

    private UUID assigneeOnceAssigned(WidgetCustomer customer) {
        waitFor("an automatic assignment", () -> "ASSIGNED".equals(supervisor.conversation(customer.id()).get("status").asString()));
        return UUID.fromString(supervisor.conversation(customer.id()).get("assigneeId").asString());
    }

    private static JsonNode wellbeing(Agent agent) {
        return agent.api().get("/api/wellbeing/me").expect(200).json();
    }

    private static JsonNode window(JsonNode wellbeing, String label) {
        for (JsonNode window : wellbeing.get("windows")) {
            if (label.equals(window.get("label").asString())) {
                return window;
            }
        }
        throw new AssertionError("no window " + label + " in " + wellbeing);
    }

    /** The first screening loads the embedding model, which takes a while on a busy build machine. */
    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Two abusive customers in a row, both given to {@code agent} (the only one online) and resolved by them. */
    private void twoDifficultContacts(Agent agent) {
        for (int i = 0; i < 2; i++) {
            var abusive = customer(ABUSE + " number " + i);
            assertThat(assigneeOnceAssigned(abusive)).isEqualTo(agent.id());
            agent.reply(abusive.id(), "I'm sorry about the wait, let me check your parcel.").expect(201);
            agent.resolve(abusive.id()).expect(200);
        }
    }

    @Test
    void theFiguresAreComputedFromTheConversationsEvents() {
        Agent alice = agent("wba", true);
        var calm = customer("Hello, could you tell me when my order ships?");
        assertThat(assigneeOnceAssigned(calm)).isEqualTo(alice.id());
        var rude = customer(ABUSE);
        assertThat(assigneeOnceAssigned(rude)).isEqualTo(alice.id());
        alice.reply(calm.id(), "It ships tomorrow.").expect(201);
        alice.resolve(calm.id()).expect(200);

        waitFor("two contacts, one open", () -> window(wellbeing(alice), "1 hour").get("contacts").asInt() == 2
                && wellbeing(alice).get("openNow").asInt() == 1);
        JsonNode hour = window(wellbeing(alice), "1 hour");
        assertThat(hour.get("peakConcurrent").asInt()).isEqualTo(2);
        assertThat(hour.get("difficultContacts").asInt()).isZero(); // the abusive one is still open

        alice.resolve(rude.id()).expect(200);
        waitFor("the abusive contact counted as difficult",
                () -> window(wellbeing(alice), "1 hour").get("difficultContacts").asInt() == 1);
        JsonNode figures = wellbeing(alice);
        hour = window(figures, "1 hour");
        assertThat(figures.get("openNow").asInt()).isZero();
        assertThat(hour.get("difficultByKind").get("ABUSE").asInt()).isEqualTo(1);
        assertThat(hour.get("handleMinutesMedian").isNull()).isFalse();
        assertThat(hour.get("onlineMinutes").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(figures.get("windows").findValuesAsString("label")).containsExactly("1 hour", "8 hours", "7 days");
        // one difficult contact is below every threshold here
        assertThat(figures.get("interventions").isEmpty()).isTrue();
    }

    @Test
    void aRunOfDifficultContactsBringsABreakFewerDifficultConversationsAndTheSupervisor() throws Exception {
        Agent alice = agent("wba", true);
        Agent bob = agent("wbb", false);
        var supervisorsPage = dev.tandem.FormSession.signIn(port, supervisor.user().username(), TestAccounts.PASSWORD)
            .stream("/workspace/events");
        twoDifficultContacts(alice);

        // the break, with its reason, for Alice to take or dismiss
        waitFor("a break suggestion", () -> !wellbeing(alice).get("pendingBreak").isNull());
        JsonNode suggested = wellbeing(alice).get("pendingBreak");
        assertThat(suggested.get("reason").asString()).contains("2 difficult contacts in a row").contains("abusive language ×2");
        assertThat(suggested.get("minutes").asInt()).isEqualTo(10);
        assertThat(wellbeing(alice).get("interventions").findValuesAsString("kind"))
            .contains("BREAK", "FEWER_DIFFICULT", "SUPERVISOR_ALERT");

        // the supervisor of her team is alerted, with the reason, and acknowledges it
        JsonNode alerts = supervisor.api().get("/api/wellbeing/alerts").expect(200).json();
        JsonNode alert = null;
        for (JsonNode a : alerts) {
            if (a.get("agentId").asString().equals(alice.id().toString())) {
                alert = a;
            }
        }
        assertThat(alert).isNotNull();
        assertThat(alert.get("reason").asString()).contains(alice.user().displayName()).contains("2 difficult contacts");
        String banner = dev.tandem.FormSession.signIn(port, supervisor.user().username(), TestAccounts.PASSWORD).get("/wellbeing/banner").body();
        assertThat(banner).contains("Wellbeing alert");
        // and their open page heard of it at once, over the workspace's live stream
        assertThat(supervisorsPage.next(event -> "wellbeing".equals(event.name())).data()).isEqualTo("changed");
        supervisor.api().post("/api/wellbeing/alerts/" + alert.get("id").asString() + "/acknowledge", Map.of()).expect(200);
        assertThat(supervisor.api().get("/api/wellbeing/alerts").expect(200).json().findValuesAsString("agentId"))
            .doesNotContain(alice.id().toString());

        // the next difficult conversation goes to Bob, although Alice would come first otherwise
        presence(alice, "AWAY");
        var third = customer(ABUSE + " again");
        waitFor("the third customer's abuse known to routing", () -> states.spare(alice.id(), third.id(), List.of()));
        presence(bob, "ONLINE");
        presence(alice, "ONLINE");
        assertThat(assigneeOnceAssigned(third)).isEqualTo(bob.id());

        // with nobody else online, the next one still goes to her: never left waiting for the sake of sparing her
        presence(alice, "AWAY");
        presence(bob, "AWAY");
        var fourth = customer(ABUSE + " and again");
        waitFor("the fourth customer's abuse known to routing", () -> states.spare(alice.id(), fourth.id(), List.of()));
        presence(alice, "ONLINE");
        assertThat(assigneeOnceAssigned(fourth)).isEqualTo(alice.id());

        // she takes the break: nothing new is assigned to her until she ends it
        JsonNode taken = alice.api().post("/api/wellbeing/breaks/" + suggested.get("id").asString() + "/take", Map.of())
            .expect(200).json();
        assertThat(taken.get("status").asString()).isEqualTo("TAKEN");
        assertThat(wellbeing(alice).get("onBreakUntil").isNull()).isFalse();
        var fifth = customer("Hi, do you have these boots in size 44?");
        waitFor("a first-response target", () -> !supervisor.conversation(fifth.id()).get("firstResponse").isNull());
        assertThat(supervisor.conversation(fifth.id()).get("status").asString()).isEqualTo("QUEUED");
        alice.api().post("/api/wellbeing/breaks/end", Map.of()).expect(200);
        assertThat(assigneeOnceAssigned(fifth)).isEqualTo(alice.id());
    }

    @Test
    void anAgentSeesOnlyTheirOwnFiguresAndTheirSupervisorsTheirTeams() {
        Agent alice = agent("wba", false);
        Agent bob = agent("wbb", false);
        Team other = accounts.team("elsewhere");
        Agent otherSupervisor = Agent.of(api, accounts.user("wbsup", Set.of(Role.SUPERVISOR), other));
        UserSummary curator = accounts.curator();

        assertThat(alice.api().get("/api/wellbeing/agents/" + alice.id()).expect(200).json().get("agentId").asString())
            .isEqualTo(alice.id().toString());
        assertThat(alice.api().get("/api/wellbeing/agents/" + bob.id()).expectProblem(403).detail())
            .contains("visible only to the agent");
        assertThat(alice.api().get("/api/wellbeing/team").expectProblem(403).detail()).contains("you can see your own");
        assertThat(alice.api().get("/api/wellbeing/alerts").expectProblem(403).detail()).contains("supervisors");
        assertThat(api.as(curator.username(), TestAccounts.PASSWORD).get("/api/wellbeing/agents/" + bob.id())
            .expectProblem(403).status()).isEqualTo(403);

        assertThat(supervisor.api().get("/api/wellbeing/agents/" + bob.id()).expect(200).json().get("displayName").asString())
            .isEqualTo(bob.user().displayName());
        assertThat(supervisor.api().get("/api/wellbeing/team").expect(200).json().findValuesAsString("agentId"))
            .contains(alice.id().toString(), bob.id().toString());
        assertThat(otherSupervisor.api().get("/api/wellbeing/agents/" + bob.id()).expectProblem(403).status()).isEqualTo(403);
        assertThat(otherSupervisor.api().get("/api/wellbeing/team").expect(200).json().findValuesAsString("agentId"))
            .doesNotContain(alice.id().toString(), bob.id().toString());

        // a break suggested to someone else cannot be taken, and an unknown one is not found
        assertThat(bob.api().post("/api/wellbeing/breaks/" + UUID.randomUUID() + "/take", Map.of()).expectProblem(404)
            .detail()).contains("No break suggestion");
        assertThat(bob.api().post("/api/wellbeing/breaks/end", Map.of()).expectProblem(409).detail())
            .contains("not on a break");

        var alicesBrowser = dev.tandem.FormSession.signIn(port, alice.user().username(), TestAccounts.PASSWORD);
        assertThat(alicesBrowser.get("/wellbeing").body()).contains("My wellbeing").contains("support you, not to evaluate you");
        assertThat(alicesBrowser.get("/wellbeing/agents/" + bob.id()).statusCode()).isEqualTo(403);
        String team = dev.tandem.FormSession.signIn(port, supervisor.user().username(), TestAccounts.PASSWORD)
            .get("/wellbeing/team").body();
        assertThat(team).contains("This is for support, not evaluation").contains(alice.user().displayName())
            .contains(bob.user().displayName());
    }
}
