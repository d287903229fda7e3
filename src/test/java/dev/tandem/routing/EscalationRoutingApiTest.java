package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.ApiCaller;
import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserDirectory;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance, end to end through the widget API with the assistant answering from the
 * demo knowledge (the same context as EscalationApiTest): an angry customer, one who asks for a person
 * in Spanish and one who reports a fraudulent charge are escalated with the right reasons, land in
 * the right queue with the right priority and first-response target, are told roughly when a person
 * replies, and come with a complete handoff packet.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class EscalationRoutingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    UserDirectory directory;

    TestApi api;
    Agent supervisor;
    UUID billing;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        DemoKnowledge.ensureIndexed(knowledge, importer);
        supervisor = Agent.of(api, new TestAccounts(userAccounts, teams).supervisor());
        // the demo seeds its teams only into an empty database; the PostgreSQL run shares one schema
        billing = directory.teamByName("Billing").orElseGet(() -> teams.create("Billing", "tests")).id();
    }

    /** The team of the widget's inbox, where a conversation starts and stays unless a rule moves it. */
    private String startedIn(WidgetCustomer customer) {
        return supervisor.conversation(customer.id()).get("teamId").asString();
    }

    /** Routed once the conversation has its routing note and the customer their wait notice. */
    private JsonNode routed(WidgetCustomer customer) {
        ApiCaller.eventually("the wait notice", () -> customer.view().get("messages").findValuesAsString("author")
            .stream().filter("SYSTEM"::equals).count() >= 2);
        return supervisor.conversation(customer.id());
    }

    private static Duration target(JsonNode conversation) {
        JsonNode target = conversation.get("firstResponse");
        return Duration.between(Instant.parse(target.get("waitingSince").asString()),
                Instant.parse(target.get("dueAt").asString()));
    }

    private static String lastSystemText(WidgetCustomer customer) {
        List<JsonNode> system = new java.util.ArrayList<>();
        customer.view().get("messages").forEach(m -> {
            if (m.get("author").asString().equals("SYSTEM")) {
                system.add(m);
            }
        });
        return system.get(system.size() - 1).get("text").asString();
    }

    @Test
    void aFraudulentChargeGoesToBillingAsHighPriority() {
        var customer = WidgetCustomer.start(api,
                "There's a $312 charge from Northwind on my card and I have never ordered anything from you");
        assertThat(customer.started().get("status").asString()).isEqualTo("QUEUED");

        JsonNode conversation = routed(customer);
        assertThat(conversation.get("teamId").asString()).isEqualTo(billing.toString());
        assertThat(conversation.get("status").asString()).isEqualTo("QUEUED");
        assertThat(conversation.get("priority").asString()).isEqualTo("HIGH");
        assertThat(target(conversation)).isEqualTo(Duration.ofMinutes(5));
        assertThat(conversation.get("messages").findValuesAsString("text"))
            .anySatisfy(t -> assertThat(t).startsWith("Routed to the Billing queue.").contains("high-stakes-to-billing")
                .contains("high stakes"));
        assertThat(lastSystemText(customer)).matches("A member of our team usually replies within (a minute|[0-9]+ minutes)\\.");

        JsonNode packet = supervisor.handoff(customer.id()).expect(200).json();
        assertThat(packet.get("reasons").findValuesAsString("reason")).containsOnly("HIGH_STAKES");
        assertThat(packet.get("priority").asString()).isEqualTo("HIGH");
        assertThat(packet.get("facts").findValuesAsString("value")).contains("312 USD");
        assertThat(packet.get("goal").asString()).isNotBlank();
        assertThat(packet.get("language").asString()).isEqualTo("en");
    }

    @Test
    void aSpanishRequestForAPersonStaysInItsTeamAndIsToldTheWaitInSpanish() {
        var customer = WidgetCustomer.start(api, "Hola, ¿me pasas con alguien de atención al cliente?");
        assertThat(customer.started().get("status").asString()).isEqualTo("QUEUED");
        String inboxTeam = startedIn(customer);

        JsonNode conversation = routed(customer);
        assertThat(conversation.get("teamId").asString()).isEqualTo(inboxTeam).isNotEqualTo(billing.toString());
        assertThat(conversation.get("priority").asString()).isEqualTo("NORMAL");
        assertThat(target(conversation)).isEqualTo(Duration.ofMinutes(15));
        assertThat(lastSystemText(customer)).startsWith("Normalmente alguien de nuestro equipo responde");

        JsonNode packet = supervisor.handoff(customer.id()).expect(200).json();
        assertThat(packet.get("reasons").get(0).get("reason").asString()).isEqualTo("PERSON_REQUEST");
        assertThat(packet.get("language").asString()).isEqualTo("es");
    }

    @Test
    void anAngryCustomerStaysInItsTeamAsHighPriorityAheadOfNormalOnes() {
        var customer = WidgetCustomer.start(api, "How do I track my order NW-10482?");
        String inboxTeam = startedIn(customer);
        assertThat(customer.post("THIS IS RIDICULOUS. Three weeks and still nothing!!!").expect(201).json()
            .get("status").asString()).isEqualTo("QUEUED");

        JsonNode conversation = routed(customer);
        assertThat(conversation.get("teamId").asString()).isEqualTo(inboxTeam).isNotEqualTo(billing.toString());
        assertThat(conversation.get("priority").asString()).isEqualTo("HIGH");
        assertThat(target(conversation)).isEqualTo(Duration.ofMinutes(5));
        JsonNode packet = supervisor.handoff(customer.id()).expect(200).json();
        assertThat(packet.get("reasons").findValuesAsString("reason")).contains("FRUSTRATION");

        // the queue is worked most urgent first, then by the earliest target
        JsonNode queue = supervisor.list("status=QUEUED&limit=200").expect(200).json().get("items");
        String previousPriority = "URGENT";
        Instant previousDue = Instant.MIN;
        List<String> order = List.of("URGENT", "HIGH", "NORMAL");
        for (JsonNode item : queue) {
            String priority = item.get("priority").asString();
            assertThat(order.indexOf(priority)).isGreaterThanOrEqualTo(order.indexOf(previousPriority));
            if (!priority.equals(previousPriority)) {
                previousDue = Instant.MIN;
            }
            if (!item.get("firstResponse").isNull()) {
                Instant due = Instant.parse(item.get("firstResponse").get("dueAt").asString());
                assertThat(due).isAfterOrEqualTo(previousDue);
                previousDue = due;
            }
            previousPriority = priority;
        }
    }
}
