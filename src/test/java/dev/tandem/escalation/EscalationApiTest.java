package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import dev.tandem.understanding.EntityType;
import dev.tandem.understanding.MessageUnderstandings;
import tools.jackson.databind.JsonNode;

/**
 * Escalation end to end through the widget API, with the assistant answering from the demo
 * knowledge: an angry customer, one who asks for a person in Spanish and one who reports a
 * fraudulent charge reach the human queue with the right reasons and a complete handoff packet.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class EscalationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    MessageUnderstandings understood;

    @Autowired
    Teams teams;

    TestApi api;
    Agent agent;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        DemoKnowledge.ensureIndexed(knowledge, importer);
        agent = Agent.of(api, new TestAccounts(userAccounts, teams).supervisor());
    }

    @Test
    void anAngryCustomerIsHandedOverWithTheWholeStory() {
        var customer = WidgetCustomer.start(api, "How do I track my order NW-10482?");
        assertThat(customer.started().get("status").asString()).isEqualTo("AI");
        assertThat(customer.started().get("messages").get(1).get("citations")).isNotEmpty();

        var posted = customer.post("THIS IS RIDICULOUS. Three weeks and still nothing!!!").expect(201).json();

        assertThat(posted.get("status").asString()).isEqualTo("QUEUED");
        JsonNode holding = posted.get("messages").get(1);
        assertThat(holding.get("author").asString()).isEqualTo("SYSTEM");
        assertThat(holding.get("text").asString()).contains("member of our team").contains("repeat");
        assertThat(queued()).contains(customer.id().toString());

        JsonNode packet = agent.handoff(customer.id()).expect(200).json();
        assertThat(packet.get("reasons").findValuesAsString("reason")).contains("FRUSTRATION");
        assertThat(packet.get("why").asString()).contains("frustrated");
        assertThat(packet.get("priority").asString()).isEqualTo("HIGH");
        assertThat(packet.get("goal").asString()).isEqualTo("How do I track my order NW-10482?");
        assertThat(packet.get("facts").findValuesAsString("value")).contains("NW-10482");
        JsonNode answered = packet.get("answered").get(0);
        assertThat(answered.get("answered").asBoolean()).isTrue();
        assertThat(answered.get("citations").get(0).get("title").asString()).isNotBlank();
        assertThat(packet.get("sentiment").get("trend").asString()).isEqualTo("rising");
        assertThat(packet.get("language").asString()).isEqualTo("en");
        assertThat(packet.get("customerMessages").asInt()).isEqualTo(2);

        // what understanding read is stored with each customer message, after the message
        for (int waited = 0; understood.of(customer.id()).size() < 2; waited++) {
            assertThat(waited).as("both customer messages are understood within ten seconds").isLessThan(100);
            sleep();
        }
        var messages = understood.of(customer.id());
        assertThat(messages.get(0).entities()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EntityType.ORDER_NUMBER);
            assertThat(e.value()).isEqualTo("NW-10482");
        });
        assertThat(messages.get(0).language()).isEqualTo("en");
        assertThat(messages.get(1).sentiment().frustration()).isGreaterThan(0.6);
        assertThat(messages.get(1).sentiment().cues()).contains("ALL CAPS");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCustomerWhoAsksForAPersonInSpanishIsAnsweredInSpanish() {
        var customer = WidgetCustomer.start(api, "Hola, ¿me pasas con alguien de atención al cliente?");

        assertThat(customer.started().get("status").asString()).isEqualTo("QUEUED");
        assertThat(customer.started().findValuesAsString("author")).doesNotContain("AI");
        assertThat(customer.started().get("messages").get(1).get("text").asString()).contains("Por supuesto");

        JsonNode packet = agent.handoff(customer.id()).expect(200).json();
        assertThat(packet.get("reasons").get(0).get("reason").asString()).isEqualTo("PERSON_REQUEST");
        assertThat(packet.get("language").asString()).isEqualTo("es");
        assertThat(packet.get("priority").asString()).isEqualTo("NORMAL");
    }

    @Test
    void aFraudulentChargeIsHighStakes() {
        var customer = WidgetCustomer.start(api,
                "There's a $312 charge from Northwind on my card and I have never ordered anything from you");

        assertThat(customer.started().get("status").asString()).isEqualTo("QUEUED");
        assertThat(queued()).contains(customer.id().toString());
        JsonNode packet = agent.handoff(customer.id()).expect(200).json();
        assertThat(packet.get("reasons").findValuesAsString("reason")).containsOnly("HIGH_STAKES");
        assertThat(packet.get("why").asString()).contains("fraud");
        assertThat(packet.get("priority").asString()).isEqualTo("HIGH");
        assertThat(packet.get("facts").findValuesAsString("value")).contains("312 USD");
        assertThat(packet.get("reasons").get(0).get("evidence").asString()).contains("never ordered");
    }

    @Test
    void aRoutineQuestionWithAlarmingWordsStaysWithTheAssistant() {
        var customer = WidgetCustomer.start(api, "How do I cancel my order? I'm a travel agent and ordered the wrong size");
        assertThat(customer.started().get("status").asString()).isEqualTo("AI");
    }

    private java.util.List<String> queued() {
        return agent.api().get("/api/conversations?status=QUEUED&limit=200").expect(200).json().get("items")
            .findValuesAsString("id");
    }
}
