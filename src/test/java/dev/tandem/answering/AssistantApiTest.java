package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

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
import tools.jackson.databind.JsonNode;

/**
 * The AI assistant through the widget API on the demo workspace (Northwind's knowledge base, as on
 * a first start): answers with citations, says "I don't know" instead of guessing, speaks the
 * customer's language, steps aside for a person.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class AssistantApiTest {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    TestApi api;

    @Autowired
    ImportKnowledge importer;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @Test
    void aPasswordQuestionIsAnsweredFromTheKnowledgeBaseWithItsSource() {
        var customer = WidgetCustomer.start(api, "How do I reset my password?");

        JsonNode started = customer.started();
        assertThat(started.get("status").asString()).isEqualTo("AI");
        JsonNode reply = started.get("messages").get(1);
        assertThat(reply.get("author").asString()).isEqualTo("AI");
        assertThat(reply.get("text").asString())
            .as("the first reply says who is talking").contains("AI assistant").contains("ask for a person")
            .as("the steps, as the article gives them").contains("Forgot password?").contains("Send reset link");
        JsonNode citation = reply.get("citations").get(0);
        assertThat(citation.get("title").asString()).isEqualTo("Reset your password");
        assertThat(citation.get("url").asString()).isEqualTo(api.base() + "/help/reset-your-password");
        assertThat(citation.get("snippet").asString()).isNotBlank();

        // the link works for anyone: the customer has no account
        var page = new TestApi(port).get("/help/reset-your-password").expect(200);
        assertThat(page.body()).contains("Reset your password").contains("Forgot password?");

        var next = customer.post("And how long is the reset link valid?").expect(201).json();
        JsonNode second = next.get("messages").get(1);
        assertThat(second.get("author").asString()).isEqualTo("AI");
        assertThat(second.get("text").asString()).as("said once, in the first reply").doesNotContain("AI assistant")
            .contains("60 minutes");
        assertThat(second.get("citations")).isNotEmpty();
    }

    @Test
    void aQuestionFarOutsideTheKnowledgeGetsAnHonestAnswerAndNoCitation() {
        var customer = WidgetCustomer.start(api, "What is the boiling point of tungsten in kelvin?");

        JsonNode reply = customer.started().get("messages").get(1);
        assertThat(reply.get("author").asString()).isEqualTo("AI");
        assertThat(reply.get("citations")).isEmpty();
        assertThat(reply.get("text").asString()).contains("don't know").contains("talk to a person");
        assertThat(customer.started().get("status").asString()).as("offered, not forced").isEqualTo("AI");

        var gaps = api.as("admin", "admin-password-for-tests").get("/api/knowledge/gaps?days=1").expect(200).json();
        assertThat(gaps.findValuesAsString("question")).contains("What is the boiling point of tungsten in kelvin?");
    }

    @Test
    void sayingYesToTheOfferOfAPersonQueuesTheConversation() {
        var customer = WidgetCustomer.start(api, "Can I bring my dog into your Denver store?");
        assertThat(customer.started().get("messages").get(1).get("citations")).isEmpty();

        var posted = customer.post("yes please").expect(201).json();

        assertThat(posted.get("status").asString()).isEqualTo("QUEUED");
        assertThat(posted.get("messages").get(1).get("author").asString()).isEqualTo("SYSTEM");
    }

    @Test
    void askingForAPersonInAnyWordsQueuesAtOnce() {
        var english = WidgetCustomer.start(api, "Where is my order?");
        var posted = english.post("I want to talk to a real person").expect(201).json();
        assertThat(posted.get("status").asString()).isEqualTo("QUEUED");

        var spanish = WidgetCustomer.start(api, "Quiero hablar con una persona, por favor");
        assertThat(spanish.started().get("status").asString()).isEqualTo("QUEUED");
        assertThat(spanish.started().findValuesAsString("author")).doesNotContain("AI");
    }

    @Test
    void theAssistantAnswersInTheCustomersLanguageWhenTheKnowledgeHasIt() {
        var spanish = WidgetCustomer.start(api, "Olvidé mi contraseña, ¿cómo la restablezco?");
        JsonNode reply = spanish.started().get("messages").get(1);
        assertThat(reply.get("text").asString()).contains("asistente de IA");
        assertThat(reply.get("citations").get(0).get("title").asString()).isEqualTo("Restablecer tu contraseña");

        var portuguese = WidgetCustomer.start(api, "Esqueci-me da minha palavra-passe, como a posso recuperar?");
        JsonNode answer = portuguese.started().get("messages").get(1);
        assertThat(answer.get("text").asString()).as("no article in Portuguese: the English one, and it says so")
            .contains("assistente de IA").contains("só está disponível em inglês").contains("Forgot password?");
        assertThat(answer.get("citations").get(0).get("title").asString()).isEqualTo("Reset your password");

        var dutch = WidgetCustomer.start(api, "Ik ben mijn wachtwoord vergeten, hoe kan ik het herstellen?");
        JsonNode honest = dutch.started().get("messages").get(1);
        assertThat(honest.get("text").asString()).as("no glossary carries Dutch into English").contains("Nederlands")
            .contains("medewerker");
        assertThat(honest.get("citations")).isEmpty();
    }

    @Test
    void aQuestionInAnotherLanguageIsAnsweredFromTheEnglishArticleWhenNoTranslationHasIt() {
        var spanish = WidgetCustomer.start(api, "¿Aceptan PayPal como forma de pago?");
        JsonNode reply = spanish.started().get("messages").get(1);
        assertThat(reply.get("text").asString()).contains("asistente de IA").contains("solo está disponible en inglés")
            .contains("PayPal").contains("Si esto no responde a tu pregunta");
        assertThat(reply.get("citations").get(0).get("title").asString()).isEqualTo("Which payment methods do you accept?");

        var details = WidgetCustomer.start(api, "¿Aceptan PayPal como forma de pago? Mi correo es ana.garcia@example.org");
        assertThat(details.started().get("messages").get(1).get("citations").get(0).get("title").asString())
            .as("the customer's details change nothing").isEqualTo("Which payment methods do you accept?");
    }

    @Test
    void onceAPersonHasTheConversationTheAssistantStaysQuiet() {
        var customer = WidgetCustomer.start(api, "How do I reset my password?");
        var agent = Agent.of(api, new TestAccounts(userAccounts, teams).supervisor());
        agent.assign(customer.id());

        var posted = customer.post("Thanks! Also, how do I change my email address?").expect(201).json();

        assertThat(posted.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(posted.get("messages")).hasSize(1);
    }

    @Test
    void aRetriedMessageGetsTheSameAnswerAndIsAnsweredOnce() {
        var customer = WidgetCustomer.start(api, "Hi there");
        String id = UUID.randomUUID().toString();

        var first = customer.post("How long do I have to return something?", id).expect(201).json();
        var retry = customer.post("How long do I have to return something?", id).expect(200).json();

        assertThat(retry.get("messages")).hasSize(first.get("messages").size());
        assertThat(retry.get("messages").get(1).get("id").asString())
            .isEqualTo(first.get("messages").get(1).get("id").asString());
        long aiReplies = customer.view().get("messages").findValuesAsString("author").stream()
            .filter("AI"::equals).count();
        assertThat(aiReplies).isEqualTo(2);
    }

    @Test
    void theWidgetIsToldThatTheAssistantAnswers() {
        assertThat(api.get("/api/widget/inboxes/" + primaryInboxKey()).expect(200).json().get("aiEnabled").asBoolean())
            .isTrue();
    }

    private String primaryInboxKey() {
        return api.as("admin", "admin-password-for-tests").get("/api/admin/widget-inboxes").expect(200).json()
            .get(0).get("key").asString();
    }
}
