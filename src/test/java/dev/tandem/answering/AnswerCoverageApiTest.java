package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * What the assistant answers, through the widget on the demo workspace: a customer's details after a
 * question change nothing, two or three articles that fit are offered as choices, every answer asks
 * "Did this answer your question?", and what curators and agents teach articles is answered next time.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class AnswerCoverageApiTest {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    TestApi admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        admin = api.as("admin", ADMIN_PASSWORD);
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @Test
    void detailsAfterAQuestionDoNotChangeWhetherOrHowItIsAnswered() {
        String question = "How long does delivery to Canada take?";
        JsonNode plain = aiReply(WidgetCustomer.start(api, question).started());
        assertThat(plain.get("citations")).as("answered").isNotEmpty();

        for (String details : List.of(" My email is ada.lovelace@example.org", " Order number NW-204518.",
                "\nMy phone is +1 415 555 0134", " (order #88812, ada@example.org)")) {
            JsonNode withDetails = aiReply(WidgetCustomer.start(api, question + details).started());
            assertThat(withDetails.get("text").asString()).as(details).isEqualTo(plain.get("text").asString());
            assertThat(withDetails.get("citations").get(0).get("articleId").asString()).as(details)
                .isEqualTo(plain.get("citations").get(0).get("articleId").asString());
        }
    }

    @Test
    void twoOrThreeArticlesThatFitAreOfferedAsChoicesAndAChoiceIsAnsweredFromThatArticle() {
        var customer = WidgetCustomer.start(api, "do i earn trail rewards points when I buy a gift card for someone");

        JsonNode offer = aiReply(customer.started());
        assertThat(offer.get("kind").asString()).isEqualTo("CHOICES");
        assertThat(offer.get("text").asString()).contains("Which one is closest to your question?");
        List<String> titles = offer.get("citations").findValuesAsString("title");
        assertThat(titles).hasSizeBetween(2, 3).contains("How do I earn Trail Rewards points?");

        // the widget posts the title of the button clicked
        JsonNode answered = customer.post("How do I earn Trail Rewards points?").expect(201).json();
        JsonNode answer = answered.get("messages").get(1);
        assertThat(answer.get("author").asString()).isEqualTo("AI");
        assertThat(answer.get("kind").asString()).isEqualTo("PLAIN");
        assertThat(answer.get("citations").get(0).get("title").asString()).isEqualTo("How do I earn Trail Rewards points?");
        assertThat(answer.get("text").asString()).as("quoted from the article chosen").containsIgnoringCase("gift card");
    }

    @Test
    void yesUnderAnAnswerIsStoredAndTeachesTheArticleTheQuestion() {
        var customer = WidgetCustomer.start(api, "do you take paypal? my email is ada.lovelace@example.org");
        JsonNode answer = aiReply(customer.started());
        String articleId = answer.get("citations").get(0).get("articleId").asString();
        assertThat(answer.get("citations").get(0).get("title").asString()).isEqualTo("Which payment methods do you accept?");

        JsonNode given = feedback(customer, answer, true).expect(200).json();
        assertThat(given.get("helpful").asBoolean()).isTrue();
        assertThat(given.get("messages")).as("nothing more to say after a yes").isEmpty();
        assertThat(feedback(customer, answer, true).expect(200).json().get("messages")).as("idempotent").isEmpty();

        assertThat(jdbc.sql("select helpful from ai_answer_feedback where reply_message_id = ?")
            .param(UUID.fromString(answer.get("id").asString())).query(Boolean.class).single()).isTrue();
        JsonNode questions = admin.get("/api/knowledge/articles/" + articleId + "/questions").expect(200).json();
        assertThat(questions.get("questions").findValuesAsString("question"))
            .as("learned without the customer's details").contains("do you take paypal?")
            .noneMatch(q -> q.contains("@"));
    }

    @Test
    void noUnderAnAnswerOffersAPersonOrOtherArticles() {
        var customer = WidgetCustomer.start(api, "How do I return an item?");
        JsonNode answer = aiReply(customer.started());

        JsonNode given = feedback(customer, answer, false).expect(200).json();
        assertThat(given.get("helpful").asBoolean()).isFalse();
        JsonNode followUp = given.get("messages").get(0);
        assertThat(followUp.get("author").asString()).isEqualTo("AI");
        if ("CHOICES".equals(followUp.get("kind").asString())) {
            assertThat(followUp.get("citations").findValuesAsString("title")).hasSizeGreaterThanOrEqualTo(2)
                .doesNotContain("Return an item");
        } else {
            assertThat(followUp.get("text").asString()).contains("talk to a person");
            assertThat(customer.post("yes").expect(201).json().get("status").asString()).isEqualTo("QUEUED");
        }
        assertThat(customer.view().get("messages").findValuesAsString("id")).contains(followUp.get("id").asString());
    }

    @Test
    void feedbackOnAMessageThatIsNotAnAnswerIsA404Problem() {
        var customer = WidgetCustomer.start(api, "How do I reset my password?");
        JsonNode question = customer.started().get("messages").get(0);
        assertThat(feedback(customer, question, true).expectProblem(404).detail()).contains("not an answer");
        assertThat(api.post(customer.path() + "/messages/" + question.get("id").asString() + "/feedback",
                Map.of(), WidgetCustomer.TOKEN_HEADER, customer.token()).expectProblem(400).detail())
            .contains("helpful");
    }

    @Test
    void questionsACuratorAddsToAnArticleAreAnsweredFromIt() {
        String question = "what about the blorptastic snow skirt policy";
        String articleId = articleIdOf("Which items can't be returned?");
        assertThat(aiReply(WidgetCustomer.start(api, question).started()).get("citations")).as("before").isEmpty();

        JsonNode saved = admin.put("/api/knowledge/articles/" + articleId + "/questions",
                Map.of("questions", List.of("Which items can't be returned?", question))).expect(200).json();
        assertThat(saved.get("questions").findValuesAsString("question")).contains(question);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode reply = aiReply(WidgetCustomer.start(api, question).started());
            assertThat(reply.get("citations")).isNotEmpty();
            assertThat(reply.get("citations").get(0).get("articleId").asString()).isEqualTo(articleId);
        });
    }

    @Test
    void aKnowledgeGapLinkedToAnArticleIsAnsweredFromItNextTime() {
        String question = "zorbulating my flimflam voucher thingy, how";
        assertThat(aiReply(WidgetCustomer.start(api, question).started()).get("citations")).isEmpty();
        JsonNode gap = findGap(question);
        String articleId = articleIdOf("Use a gift card at checkout");

        JsonNode linked = admin.post("/api/knowledge/gaps/link",
                Map.of("questionIds", gap.get("questionIds"), "articleId", articleId)).expect(200).json();
        assertThat(linked.get("learned").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/knowledge/gaps?days=1").expect(200).json().findValuesAsString("question"))
            .as("a linked gap is dismissed").doesNotContain(question);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode reply = aiReply(WidgetCustomer.start(api, question).started());
            assertThat(reply.get("citations")).isNotEmpty();
            assertThat(reply.get("citations").get(0).get("articleId").asString()).isEqualTo(articleId);
        });
    }

    @Test
    void anAgentLinksAHandedOverQuestionToTheArticleThatAnswersIt() {
        String question = "quibbly wibbly refund dates for my return?";
        var customer = WidgetCustomer.start(api, question);
        UUID messageId = UUID.fromString(customer.started().get("messages").get(0).get("id").asString());
        String articleId = articleIdOf("When will I get my refund?");

        JsonNode linked = admin.post("/api/conversations/" + customer.id() + "/answered-by",
                Map.of("messageId", messageId, "articleId", articleId)).expect(200).json();
        assertThat(linked.get("learned").asInt()).isEqualTo(1);
        assertThat(admin.post("/api/conversations/" + customer.id() + "/answered-by",
                Map.of("messageId", UUID.randomUUID(), "articleId", articleId)).expectProblem(404).detail())
            .contains("no customer message");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode reply = aiReply(WidgetCustomer.start(api, question).started());
            assertThat(reply.get("citations").get(0).get("articleId").asString()).isEqualTo(articleId);
        });
    }

    private TestApi.Response feedback(WidgetCustomer customer, JsonNode message, boolean helpful) {
        return api.post(customer.path() + "/messages/" + message.get("id").asString() + "/feedback",
                Map.of("helpful", helpful), WidgetCustomer.TOKEN_HEADER, customer.token());
    }

    private static JsonNode aiReply(JsonNode posted) {
        for (JsonNode message : posted.get("messages")) {
            if ("AI".equals(message.get("author").asString())) {
                return message;
            }
        }
        throw new AssertionError("no AI reply in " + posted);
    }

    private String articleIdOf(String title) {
        return jdbc.sql("select id from article where title = ?").param(title).query(UUID.class).single().toString();
    }

    private JsonNode findGap(String question) {
        for (JsonNode gap : admin.get("/api/knowledge/gaps?days=1").expect(200).json()) {
            if (gap.get("question").asString().equals(question)) {
                return gap;
            }
        }
        throw new AssertionError("no knowledge gap " + question);
    }
}
