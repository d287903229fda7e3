package dev.tandem.conversation;

import static dev.tandem.TestApi.map;
import static dev.tandem.TestApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.channel.WidgetInboxes;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/** The agent side of CONTRACT.md with HTTP Basic: queues, replies, notes, transfer, resolve, reopen. */
@TandemTest
class ConversationApiTest {

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

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
    }

    @Test
    void listsTheQueueOfTheCallersTeamsOnly() {
        Team a = accounts.team("team-a");
        Team b = accounts.team("team-b");
        var inA = startIn(a, "Question for A");
        var inB = startIn(b, "Question for B");
        var agentOfA = Agent.of(api, accounts.agent(a));
        var supervisor = Agent.of(api, accounts.supervisor());

        JsonNode page = agentOfA.list("status=QUEUED&limit=200").expect(200).json();
        assertThat(ids(page)).contains(inA.id()).doesNotContain(inB.id());
        assertThat(page.get("items").get(0).has("messages")).isTrue();
        assertThat(page.get("limit").asInt()).isEqualTo(200);
        assertThat(ids(agentOfA.list("status=QUEUED&team=" + b.id()).expect(200).json())).isEmpty();
        assertThat(agentOfA.list("status=QUEUED&team=" + b.id()).json().get("total").asLong()).isZero();

        assertThat(ids(supervisor.list("status=QUEUED&team=" + a.id()).expect(200).json())).containsExactly(inA.id());
        assertThat(ids(supervisor.list("status=QUEUED&team=" + b.id()).expect(200).json())).containsExactly(inB.id());
        assertThat(ids(supervisor.list("status=QUEUED&limit=200").json())).contains(inA.id(), inB.id());

        agentOfA.get(inB.id()).expectProblem(404);
        agentOfA.assign(inB.id()).expectProblem(404);
        agentOfA.reply(inB.id(), "Not mine").expectProblem(404);
    }

    @Test
    void filtersByStatusAndAssignee() {
        Team team = accounts.team("filters");
        var agent = Agent.of(api, accounts.agent(team));
        var waiting = startIn(team, "Waiting");
        var mine = startIn(team, "Mine");
        agent.assign(mine.id()).expect(200);

        var queued = ids(agent.list("status=QUEUED&team=" + team.id()).expect(200).json());
        assertThat(queued).containsExactly(waiting.id());
        var assigned = ids(agent.list("status=ASSIGNED&assignee=me").expect(200).json());
        assertThat(assigned).containsExactly(mine.id());
        var both = ids(agent.list("status=QUEUED&status=ASSIGNED&team=" + team.id()).expect(200).json());
        assertThat(both).containsExactlyInAnyOrder(waiting.id(), mine.id());
        var all = agent.list("team=" + team.id()).expect(200).json();
        assertThat(all.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void showsOneConversationWithInternalNotesMarkedInternal() {
        var customer = WidgetCustomer.start(api, Map.of("message", "My tent leaks", "customer",
                Map.of("name", "Grace Hopper", "email", TestAccounts.unique("grace") + "@example.com")));
        var agent = Agent.of(api, accounts.agent());
        agent.note(customer.id(), "Check the warranty first").expect(201);

        JsonNode conversation = agent.conversation(customer.id());

        assertThat(text(conversation, "id")).isEqualTo(customer.id().toString());
        assertThat(text(conversation, "status")).isEqualTo("QUEUED");
        assertThat(text(conversation, "channel")).isEqualTo("widget");
        assertThat(text(conversation, "subject")).isEqualTo("My tent leaks");
        assertThat(text(conversation.get("customer"), "name")).isEqualTo("Grace Hopper");
        JsonNode messages = conversation.get("messages");
        assertThat(messages.size()).isEqualTo(2);
        assertThat(text(messages.get(0), "author")).isEqualTo("CUSTOMER");
        assertThat(messages.get(0).get("internal").asBoolean()).isFalse();
        assertThat(text(messages.get(1), "author")).isEqualTo("AGENT");
        assertThat(text(messages.get(1), "text")).isEqualTo("Check the warranty first");
        assertThat(messages.get(1).get("internal").asBoolean()).isTrue();
        assertThat(text(messages.get(1), "authorId")).isEqualTo(agent.id().toString());
        assertThat(text(conversation, "status")).as("a note does not take the conversation").isEqualTo("QUEUED");
    }

    @Test
    void assignsToTheCaller() {
        var customer = WidgetCustomer.start(api, "Help please");
        var agent = Agent.of(api, accounts.agent());

        JsonNode assigned = agent.assign(customer.id()).expect(200).json();

        assertThat(text(assigned, "status")).isEqualTo("ASSIGNED");
        assertThat(text(assigned, "assigneeId")).isEqualTo(agent.id().toString());
        JsonNode again = agent.assign(customer.id()).expect(200).json();
        assertThat(text(again, "assigneeId")).isEqualTo(agent.id().toString());
        long joined = count(agent.conversation(customer.id()), "SYSTEM");
        assertThat(joined).as("taking it twice joins once").isEqualTo(1);
        assertThat(text(customer.view(), "status")).isEqualTo("ASSIGNED");
    }

    @Test
    void aReplyReachesTheCustomerAndANoteDoesNot() {
        var customer = WidgetCustomer.start(api, "Where is my refund?");
        var agent = Agent.of(api, accounts.agent());

        JsonNode reply = agent.reply(customer.id(), "It was sent yesterday.").expect(201).json();
        assertThat(text(reply, "author")).isEqualTo("AGENT");
        assertThat(reply.get("internal").asBoolean()).isFalse();
        JsonNode note = agent.note(customer.id(), "Refund id R-77, 3 days late").expect(201).json();
        assertThat(note.get("internal").asBoolean()).isTrue();

        JsonNode view = customer.view();
        List<String> texts = new ArrayList<>();
        view.get("messages").forEach(m -> texts.add(text(m, "text")));
        assertThat(texts).contains("It was sent yesterday.").doesNotContain("Refund id R-77, 3 days late");
        assertThat(text(agent.conversation(customer.id()), "assigneeId"))
            .as("replying to a waiting conversation takes it").isEqualTo(agent.id().toString());
    }

    @Test
    void replyingToSomeoneElsesConversationIsAConflict() {
        Team team = accounts.team("conflict");
        var customer = startIn(team, "Hello");
        var first = Agent.of(api, accounts.agent(team));
        var second = Agent.of(api, accounts.agent(team));
        first.assign(customer.id()).expect(200);

        second.reply(customer.id(), "Me too!").expectProblem(409);
        second.assign(customer.id()).expectProblem(409);
        second.note(customer.id(), "Notes are fine").expect(201);
        second.resolve(customer.id()).expectProblem(403);
        second.transfer(customer.id(), map("toAgentId", second.id())).expectProblem(403);

        var supervisor = Agent.of(api, accounts.supervisor());
        supervisor.reply(customer.id(), "A supervisor may step in").expect(201);
        assertThat(text(supervisor.conversation(customer.id()), "assigneeId")).isEqualTo(first.id().toString());
    }

    @Test
    void transfersToAnotherAgentAndToATeam() {
        Team team = accounts.team("transfer");
        Team billing = accounts.team("billing");
        var customer = startIn(team, "Billing question");
        var first = Agent.of(api, accounts.agent(team));
        var colleague = Agent.of(api, accounts.agent(team));
        var outsider = Agent.of(api, accounts.agent(billing));
        first.assign(customer.id()).expect(200);

        JsonNode toColleague = first.transfer(customer.id(), map("toAgentId", colleague.id(), "note", "VIP"))
            .expect(200).json();
        assertThat(text(toColleague, "status")).isEqualTo("ASSIGNED");
        assertThat(text(toColleague, "assigneeId")).isEqualTo(colleague.id().toString());
        colleague.reply(customer.id(), "Hi, I'm taking over").expect(201);
        first.reply(customer.id(), "Still here?").expectProblem(409);

        colleague.transfer(customer.id(), map("toAgentId", outsider.id())).expectProblem(400);
        JsonNode toBilling = colleague.transfer(customer.id(), map("toTeamId", billing.id())).expect(200).json();
        assertThat(text(toBilling, "status")).isEqualTo("QUEUED");
        assertThat(text(toBilling, "teamId")).isEqualTo(billing.id().toString());
        assertThat(toBilling.get("assigneeId").isNull()).isTrue();

        colleague.get(customer.id()).expectProblem(404);
        assertThat(ids(outsider.list("status=QUEUED&team=" + billing.id()).expect(200).json()))
            .containsExactly(customer.id());
        JsonNode messages = outsider.conversation(customer.id()).get("messages");
        assertThat(messages.toString()).contains("transferred the conversation to").contains("VIP");
        assertThat(customer.view().toString()).doesNotContain("transferred").doesNotContain("VIP");
    }

    @Test
    void transferNeedsATarget() {
        var customer = WidgetCustomer.start(api, "Hello");
        var agent = Agent.of(api, accounts.agent());
        agent.assign(customer.id()).expect(200);

        agent.transfer(customer.id(), Map.of()).expectProblem(400);
        agent.transfer(customer.id(), map("toAgentId", UUID.randomUUID())).expectProblem(400);
        agent.transfer(customer.id(), map("toTeamId", UUID.randomUUID())).expectProblem(400);
        agent.transfer(customer.id(), map("toAgentId", accounts.curator().id())).expectProblem(400);
    }

    @Test
    void resolvesOnceAndReopens() {
        var customer = WidgetCustomer.start(api, "Thanks!");
        var agent = Agent.of(api, accounts.agent());
        agent.reply(customer.id(), "Glad to help").expect(201);

        JsonNode resolved = agent.resolve(customer.id()).expect(200).json();
        assertThat(text(resolved, "status")).isEqualTo("RESOLVED");
        assertThat(text(resolved, "resolvedAt")).isNotNull();
        JsonNode again = agent.resolve(customer.id()).expect(200).json();
        assertThat(text(again, "status")).isEqualTo("RESOLVED");
        assertThat(text(again, "resolvedAt")).isEqualTo(text(resolved, "resolvedAt"));
        JsonNode view = customer.view();
        assertThat(text(view, "status")).isEqualTo("RESOLVED");
        long notices = 0;
        for (JsonNode m : view.get("messages")) {
            if (text(m, "text").contains("marked as resolved")) {
                notices++;
            }
        }
        assertThat(notices).as("resolving twice tells the customer once").isEqualTo(1);
        agent.reply(customer.id(), "After resolving").expectProblem(409);
        agent.assign(customer.id()).expectProblem(409);
        agent.transfer(customer.id(), map("toAgentId", agent.id())).expectProblem(409);

        var colleague = Agent.of(api, accounts.agent());
        JsonNode reopened = colleague.reopen(customer.id()).expect(200).json();
        assertThat(text(reopened, "status")).isEqualTo("ASSIGNED");
        assertThat(text(reopened, "assigneeId")).isEqualTo(colleague.id().toString());
        assertThat(reopened.get("resolvedAt").isNull()).isTrue();
        colleague.reopen(customer.id()).expectProblem(409);
        colleague.reply(customer.id(), "Back again").expect(201);
        assertThat(text(customer.view(), "status")).isEqualTo("ASSIGNED");
    }

    @Test
    void theHandoffPacketHasTheBasics() {
        var customer = WidgetCustomer.start(api, Map.of("message", "My order never came", "customer",
                Map.of("name", "Alan Turing", "email", TestAccounts.unique("alan") + "@example.com")));
        customer.post("Hello??").expect(201);
        var agent = Agent.of(api, accounts.agent());

        JsonNode before = agent.handoff(customer.id()).expect(200).json();
        assertThat(before.get("escalatedAt").isNull()).isTrue();

        customer.handoff().expect(200);
        JsonNode packet = agent.handoff(customer.id()).expect(200).json();

        assertThat(text(packet, "conversationId")).isEqualTo(customer.id().toString());
        assertThat(text(packet, "status")).isEqualTo("QUEUED");
        assertThat(text(packet, "why")).contains("asked to talk to a person");
        assertThat(text(packet.get("reasons").get(0), "reason")).isEqualTo("PERSON_REQUEST");
        assertThat(text(packet, "goal")).isEqualTo("My order never came");
        assertThat(text(packet.get("customer"), "name")).isEqualTo("Alan Turing");
        assertThat(packet.get("customerMessages").asInt()).isEqualTo(2);
        assertThat(text(packet, "escalatedAt")).isNotNull();
        assertThat(text(packet, "priority")).isEqualTo("NORMAL");
        assertThat(packet.get("answered").isArray()).isTrue();
        agent.handoff(UUID.randomUUID()).expectProblem(404);
    }

    @Test
    void aCustomersConversationsAreListedTogether() {
        String email = TestAccounts.unique("returning") + "@example.com";
        var first = WidgetCustomer.start(api, Map.of("message", "First visit", "customer",
                Map.of("name", "Returning Customer", "email", email)));
        var second = WidgetCustomer.start(api, Map.of("message", "Second visit", "customer",
                Map.of("email", email.toUpperCase())));
        var other = WidgetCustomer.start(api, "Somebody else");
        var agent = Agent.of(api, accounts.agent());

        UUID customerId = UUID.fromString(text(agent.conversation(first.id()).get("customer"), "id"));
        assertThat(text(agent.conversation(second.id()).get("customer"), "id")).isEqualTo(customerId.toString());

        JsonNode history = agent.customer(customerId).expect(200).json();
        assertThat(text(history.get("customer"), "email")).isEqualTo(email);
        assertThat(text(history.get("customer"), "name")).isEqualTo("Returning Customer");
        List<UUID> conversations = new ArrayList<>();
        history.get("conversations").forEach(c -> conversations.add(UUID.fromString(text(c, "id"))));
        assertThat(conversations).containsExactlyInAnyOrder(first.id(), second.id()).doesNotContain(other.id());

        agent.customer(UUID.randomUUID()).expectProblem(404);
    }

    @Test
    void aCustomersHistoryShowsOnlyConversationsTheCallerMaySee() {
        Team a = accounts.team("history-a");
        Team b = accounts.team("history-b");
        String email = TestAccounts.unique("both") + "@example.com";
        var inA = startIn(a, "In A", email);
        var inB = startIn(b, "In B", email);
        var agentOfA = Agent.of(api, accounts.agent(a));

        UUID customerId = UUID.fromString(text(agentOfA.conversation(inA.id()).get("customer"), "id"));
        List<UUID> visible = new ArrayList<>();
        agentOfA.customer(customerId).expect(200).json().get("conversations")
            .forEach(c -> visible.add(UUID.fromString(text(c, "id"))));
        assertThat(visible).containsExactly(inA.id()).doesNotContain(inB.id());
    }

    WidgetCustomer startIn(Team team, String text) {
        return startIn(team, text, null);
    }

    WidgetCustomer startIn(Team team, String text, String email) {
        var inbox = inboxes.create(new WidgetInboxes.Settings("Inbox " + team.name(), "Company", "Hello!", "#336699",
                team.id()));
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("inbox", inbox.key());
        body.put("message", text);
        if (email != null) {
            body.put("customer", Map.of("email", email));
        }
        return WidgetCustomer.start(api, body);
    }

    static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("items").forEach(c -> ids.add(UUID.fromString(text(c, "id"))));
        return ids;
    }

    static long count(JsonNode conversation, String author) {
        long count = 0;
        for (JsonNode m : conversation.get("messages")) {
            if (author.equals(text(m, "author"))) {
                count++;
            }
        }
        return count;
    }
}
