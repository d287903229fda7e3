package dev.tandem.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.escalation.EscalationPolicy;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * Routine requests are done, with the escalation policy's learned opinion on as in production: in the
 * customer's language, and also when the learned opinion alone finds the request like the ones that
 * needed a person (a plain "I need a refund"). (Its own context: the other tests run with the learned
 * opinion off.)
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true",
        "tandem.escalation.learn-from-examples=true" })
class RoutineRequestsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    EscalationPolicy escalation;

    TestApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        DemoKnowledge.ensureIndexed(knowledge, importer);
        await().atMost(Duration.ofSeconds(60)).until(escalation::learnedOpinionReady);
    }

    private WidgetCustomer customer(String name, String email, String message) {
        return WidgetCustomer.start(api, Map.of("message", message, "customer", Map.of("name", name, "email", email)));
    }

    private static String lastReply(JsonNode started) {
        JsonNode messages = started.get("messages");
        return messages.get(messages.size() - 1).get("text").asString();
    }

    @Test
    void aPlainRefundRequestStartsTheRefundInsteadOfAHandoff() {
        var grace = customer("Grace Hopper", "grace@example.com", "i need a refund on NW-2001 please");

        assertThat(grace.started().get("status").asString()).isEqualTo("AI");
        assertThat(lastReply(grace.started())).containsIgnoringCase("how much").contains("$42.00");
    }

    @Test
    void aRefundTheLearnedOpinionFindsLikeADisputeIsStillDone() {
        var ada = customer("Ada Lovelace", Northwind.ADA, "I want a refund for NW-1004");

        assertThat(ada.started().get("status").asString()).isEqualTo("AI");
    }

    @Test
    void aRoutineQuestionTheKnowledgeBaseIsSureOfIsAnsweredWhateverTheLearnedOpinionThinks() {
        var customer = customer("Camille Martin", "camille@example.org", "comment retourner un article ?");

        JsonNode started = customer.started();
        assertThat(started.get("status").asString()).isEqualTo("AI");
        JsonNode reply = started.get("messages").get(started.get("messages").size() - 1);
        assertThat(reply.get("citations")).isNotEmpty();
    }

    @Test
    void anOrderStatusAskedInGermanOrPortugueseIsLookedUp() {
        for (String asked : new String[] { "Wo ist meine Bestellung NW-1004?", "onde está o meu pedido NW-1004?" }) {
            var ada = customer("Ada Lovelace", Northwind.ADA, asked);

            assertThat(ada.started().get("status").asString()).as(asked).isEqualTo("AI");
            assertThat(lastReply(ada.started())).as(asked).contains("1Z999AA10123456785");
        }
    }

    @Test
    void aRequestForAPersonStillGoesToAPersonWhateverItAsksFor() {
        var ada = customer("Ada Lovelace", Northwind.ADA, "I want to speak to a human about a refund for NW-1001");

        assertThat(ada.started().get("status").asString()).isEqualTo("QUEUED");
    }
}
