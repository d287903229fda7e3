package dev.tandem.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import dev.tandem.Agent;
import dev.tandem.DemoKnowledge;
import dev.tandem.OpenAiCompatibleServer;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;

/**
 * LLM mode's suggested reply in the assist panel, against an OpenAI-compatible server running inside the test: a
 * reply grounded in the knowledge is suggested first, the customer's email address never reaches the model, and a
 * reply with a claim the knowledge does not hold is never suggested (the embedded suggestions stay).
 */
@TandemTest
class GeneratedSuggestionsApiTest {

    static final OpenAiCompatibleServer MODEL = OpenAiCompatibleServer.start();

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        // the assistant stays out of it: the conversation goes to a person at once, and only assist asks the model
        registry.add("tandem.answering.enabled", () -> "false");
        registry.add("tandem.assist.generate", () -> "true");
        registry.add("tandem.ai.chat.base-url", MODEL::baseUrl);
        registry.add("tandem.ai.chat.model", () -> "test-model");
        registry.add("tandem.ai.chat.timeout", () -> "2s");
    }

    @LocalServerPort
    int port;

    @Autowired
    SuggestionRecords records;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @BeforeEach
    void setUp() throws Exception {
        MODEL.reset();
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @Test
    void aGroundedReplyIsSuggestedFirstAndAnInventedOneNever() {
        MODEL.replyWith("Select Forgot password? on the sign-in page and we'll email you a reset link [1].");
        WidgetCustomer customer = WidgetCustomer.start(new TestApi(port),
                "I forgot my password and can't sign in. My email is ada.lovelace@example.org");

        List<SuggestionRecords.Shown> shown = suggestionsFor(customer);
        assertThat(shown.get(0).kind()).isEqualTo(Suggestion.Kind.GENERATED);
        assertThat(shown.get(0).text()).contains("reset link");
        assertThat(MODEL.lastBody()).contains("password").doesNotContain("ada.lovelace@example.org");

        MODEL.replyWith("Call our support line on 555-0100, open 24 hours a day, and we will reset it for you [1].");
        Agent.of(new TestApi(port), new TestAccounts(accounts, teams).agent()).assign(customer.id()).expect(200);
        customer.post("I still can't reset my password, what now?").expect(201);

        assertThat(suggestionsFor(customer)).extracting(SuggestionRecords.Shown::kind)
            .isNotEmpty()
            .doesNotContain(Suggestion.Kind.GENERATED);
    }

    private List<SuggestionRecords.Shown> suggestionsFor(WidgetCustomer customer) {
        UUID latest = latestCustomerMessage(customer);
        return await().atMost(Duration.ofSeconds(60)).until(() -> records.forMessage(customer.id(), latest),
                list -> !list.isEmpty());
    }

    private static UUID latestCustomerMessage(WidgetCustomer customer) {
        UUID last = null;
        for (JsonNode message : customer.view().get("messages")) {
            if ("CUSTOMER".equals(message.get("author").asString())) {
                last = UUID.fromString(message.get("id").asString());
            }
        }
        return last;
    }
}
