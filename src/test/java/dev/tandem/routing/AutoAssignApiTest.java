package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.ApiCaller;
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
 * Automatic assignment on, and business hours that are never open (no open days): conversations go
 * to the least-loaded online agent of their team who speaks the customer's language and has room;
 * when nobody can take one, it waits, and a customer who asked for a person is told that nobody is
 * online and offered a follow-up by email.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.routing.auto-assign=true", "tandem.routing.business-hours.enabled=true",
        "tandem.routing.business-hours.days=" })
class AutoAssignApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    WidgetInboxes inboxes;

    TestApi api;
    TestAccounts accounts;
    Team team;
    String inbox;
    Agent supervisor;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
        team = accounts.team("auto");
        inbox = inboxes.create(new WidgetInboxes.Settings("Auto", "Shop", "Hi", "#123456", team.id())).key();
        supervisor = Agent.of(api, accounts.supervisor());
    }

    private Agent agent(Set<String> languages, int capacity, boolean online) {
        String name = TestAccounts.unique("auto").toLowerCase();
        UserSummary user = userAccounts.create(new UserAccounts.NewUser(name, "Agent " + name, name + "@tandem.test",
                TestAccounts.PASSWORD, Set.of(Role.AGENT), Set.of(team.id()), languages, Set.of(), capacity), "tests");
        Agent agent = Agent.of(api, user);
        if (online) {
            agent.api().put("/api/me/presence", Map.of("status", "ONLINE")).expect(200);
        }
        return agent;
    }

    private WidgetCustomer customer(String text) {
        return WidgetCustomer.start(api, Map.of("inbox", inbox, "message", text));
    }

    private String assigneeOnceAssigned(WidgetCustomer customer) {
        ApiCaller.eventually("an automatic assignment", () -> supervisor.conversation(customer.id()).get("status")
            .asString().equals("ASSIGNED"));
        return supervisor.conversation(customer.id()).get("assigneeId").asString();
    }

    @Test
    void theLeastLoadedOnlineAgentGetsEachNewConversation() {
        Agent first = agent(Set.of("en"), 5, true);
        Agent second = agent(Set.of("en"), 5, true);
        agent(Set.of("en"), 5, false); // offline: never chosen

        String a = assigneeOnceAssigned(customer("Hello, I have a question about my order"));
        String b = assigneeOnceAssigned(customer("Hi, my parcel has not arrived yet"));

        assertThat(Set.of(a, b)).containsExactlyInAnyOrder(first.id().toString(), second.id().toString());
        JsonNode conversation = supervisor.conversation(customer("Good morning, can you help me with a refund?").id());
        assertThat(conversation.get("teamId").asString()).isEqualTo(team.id().toString());
    }

    @Test
    void theCustomersLanguageAndTheAgentsCapacityDecide() {
        Agent english = agent(Set.of("en"), 5, true);
        Agent spanish = agent(Set.of("en", "es"), 1, true);

        String first = assigneeOnceAssigned(customer("Hola, necesito ayuda con mi pedido, no ha llegado todavía"));
        assertThat(first).isEqualTo(spanish.id().toString());
        JsonNode notes = supervisor.conversation(supervisor.list("assignee=" + spanish.id()).expect(200).json()
            .get("items").get(0).get("id").asString().transform(java.util.UUID::fromString));
        assertThat(notes.get("messages").findValuesAsString("text"))
            .anySatisfy(t -> assertThat(t).startsWith("Assigned automatically to").contains("speaks es"));

        // the Spanish speaker is full now: the next Spanish customer waits rather than going to someone who
        // cannot read them
        var waiting = customer("Hola, quiero devolver unas botas que compré la semana pasada");
        ApiCaller.eventually("a first-response target", () -> !supervisor.conversation(waiting.id())
            .get("firstResponse").isNull());
        assertThat(supervisor.conversation(waiting.id()).get("status").asString()).isEqualTo("QUEUED");
        assertThat(english.api().get("/api/routing/agents").expect(200).json().findValuesAsString("username"))
            .contains(spanish.user().username());
    }

    @Test
    void outsideBusinessHoursWithNobodyOnlineTheCustomerIsOfferedAFollowUpByEmail() {
        agent(Set.of("en"), 5, false);
        var customer = customer("My jacket zip broke after two days");

        JsonNode asked = customer.handoff().expect(200).json();
        assertThat(asked.get("status").asString()).isEqualTo("QUEUED");
        ApiCaller.eventually("the closed notice", () -> customer.view().get("messages").findValuesAsString("text")
            .stream().anyMatch(t -> t.startsWith("Nobody from our team is online right now")));

        api.post(customer.path() + "/follow-up", Map.of("email", "zip@example.com"), WidgetCustomer.TOKEN_HEADER,
                customer.token()).expect(200);
        JsonNode conversation = supervisor.conversation(customer.id());
        assertThat(conversation.get("status").asString()).isEqualTo("QUEUED");
        assertThat(conversation.get("customer").get("email").asString()).isEqualTo("zip@example.com");
    }

    @Test
    void outsideBusinessHoursAnEmailTypedIntoTheChatIsTheFollowUpAddress() {
        agent(Set.of("en"), 5, false);
        var customer = customer("My tent pole snapped on the first night");
        customer.handoff().expect(200);

        customer.post("ok, you can write to me at Pole.Person@Example.com").expect(201);

        ApiCaller.eventually("the address typed into the chat is kept",
                () -> "pole.person@example.com".equals(supervisor.conversation(customer.id()).get("customer").get("email")
                    .asString(null)));
        assertThat(supervisor.conversation(customer.id()).get("messages").findValuesAsString("text"))
            .contains("The customer asked for a follow-up by email at pole.person@example.com.");
    }

    @Test
    void anAgentWhoComesOnlineLaterIsGivenWhatWaits() {
        Agent later = agent(Set.of("en"), 5, false);
        var customer = customer("Hello, do you ship to Iceland?");
        ApiCaller.eventually("a first-response target", () -> !supervisor.conversation(customer.id())
            .get("firstResponse").isNull());
        assertThat(supervisor.conversation(customer.id()).get("status").asString()).isEqualTo("QUEUED");

        later.api().put("/api/me/presence", Map.of("status", "ONLINE")).expect(200);
        assertThat(watchAssignsNow()).isTrue();
        assertThat(supervisor.conversation(customer.id()).get("assigneeId").asString())
            .isEqualTo(later.id().toString());
    }

    @Autowired
    FirstResponseWatch watch;

    private boolean watchAssignsNow() {
        watch.assignWaiting();
        return true;
    }
}
