package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.conversation.Citation;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.PostAiMessage;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * An AI answer the knowledge base contradicts, as a model in LLM mode might give: once the conversation is resolved
 * the quality review judges the reply inaccurate, and curators see it among the answers to fix on the knowledge-gaps
 * view (with the evidence, the cited article and the conversation) and in the answer-quality figures of the article
 * it cited; agents and supervisors may not see the figures; bad filters are a 400.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class AnswerQualityApiTest {

    private static final String WRONG = "Card refunds take 45 business days to reach your card after we process your return.";

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostAiMessage postAi;

    @Autowired
    AnswerRecords records;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    TestApi api;
    TestApi curator;
    TestApi admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        admin = api.as("admin", "admin-password-for-tests");
        TestAccounts accounts = new TestAccounts(userAccounts, teams);
        curator = Agent.of(api, accounts.curator()).api();
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @Test
    void anInaccurateAiAnswerIsJudgedAfterResolutionAndShownToCurators() {
        String question = "How long does a card refund take? " + UUID.randomUUID().toString().substring(0, 8);
        WidgetCustomer customer = WidgetCustomer.start(api, question);
        UUID articleId = jdbc.sql("select id from article where title = ?").param("When will I get my refund?")
            .query(UUID.class).single();
        UUID questionId = UUID.fromString(customer.started().get("messages").get(0).get("id").asString());
        Message reply = postAi.post(customer.id(), WRONG,
                List.of(new Citation(articleId.toString(), "When will I get my refund?", null, null))).orElseThrow();
        UUID answerId = UUID.randomUUID();
        records.insert(new AnswerRecord(answerId, customer.id(), questionId, reply.id(), Answer.Kind.ANSWERED, "en", question,
                null, List.of(articleId.toString()), 0.9, Instant.now().truncatedTo(ChronoUnit.MICROS)));
        admin.post("/api/conversations/" + customer.id() + "/resolve", null).expect(200);

        JsonNode wrong = await().atMost(Duration.ofSeconds(60)).until(() -> find(
                curator.get("/api/knowledge/gaps/answers?days=1").expect(200).json(), "answerId", answerId.toString()),
                java.util.Objects::nonNull);
        assertThat(wrong.get("reasons").get(0).asString()).isEqualTo("inaccurate");
        assertThat(WRONG).contains(wrong.get("evidence").asString());
        assertThat(wrong.get("basis").asString()).contains("other figures");
        assertThat(wrong.get("answer").asString()).isEqualTo(WRONG);
        assertThat(wrong.get("question").asString()).isEqualTo(question);
        assertThat(wrong.get("articleTitle").asString()).isEqualTo("When will I get my refund?");
        assertThat(wrong.get("conversationId").asString()).isEqualTo(customer.id().toString());

        JsonNode report = curator.get("/api/knowledge/answer-quality?days=1&language=en").expect(200).json();
        JsonNode article = find(report.get("articles"), "articleId", articleId.toString());
        assertThat(article).as("the cited article's figures").isNotNull();
        assertThat(article.get("answers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(article.get("judgedAccurate").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(article.get("accurateShare").asDouble()).isLessThan(1.0);
        assertThat(article.get("worst").findValuesAsString("conversationId")).contains(customer.id().toString());
        assertThat(admin.get("/api/knowledge/answer-quality").expect(200).json().get("articles").size()).isPositive();

        // a curator links the question to the right article: it is no longer listed
        curator.post("/api/knowledge/gaps/link", Map.of("questionIds", List.of(answerId), "articleId", articleId))
            .expect(200);
        assertThat(find(curator.get("/api/knowledge/gaps/answers?days=1").expect(200).json(), "answerId",
                answerId.toString())).isNull();
    }

    @Test
    void answersTheCustomerSaidDidNotHelpAreAnswersToFix() {
        String question = "How do I return an item? " + UUID.randomUUID().toString().substring(0, 8);
        WidgetCustomer customer = WidgetCustomer.start(api, question);
        UUID questionId = UUID.fromString(customer.started().get("messages").get(0).get("id").asString());
        Message reply = postAi.post(customer.id(), "Start your return in Account, Orders.", List.of()).orElseThrow();
        UUID answerId = UUID.randomUUID();
        records.insert(new AnswerRecord(answerId, customer.id(), questionId, reply.id(), Answer.Kind.ANSWERED, "en", question,
                null, List.of(), 0.9, Instant.now().truncatedTo(ChronoUnit.MICROS)));
        api.post(customer.path() + "/messages/" + reply.id() + "/feedback", Map.of("helpful", false),
                WidgetCustomer.TOKEN_HEADER, customer.token()).expect(200);

        JsonNode wrong = find(curator.get("/api/knowledge/gaps/answers?days=1").expect(200).json(), "answerId",
                answerId.toString());
        assertThat(wrong).isNotNull();
        assertThat(wrong.get("reasons").get(0).asString()).isEqualTo("did not help");
    }

    @Test
    void onlyCuratorsAndAdminsSeeTheFiguresAndBadFiltersAreRefused() {
        TestAccounts accounts = new TestAccounts(userAccounts, teams);
        var team = accounts.team("answers");
        TestApi agent = Agent.of(api, accounts.agent(team)).api();
        TestApi supervisor = Agent.of(api, accounts.user("supervisor", java.util.Set.of(Role.SUPERVISOR), team)).api();

        agent.get("/api/knowledge/answer-quality").expectProblem(403);
        supervisor.get("/api/knowledge/answer-quality").expectProblem(403);
        assertThat(curator.get("/api/knowledge/answer-quality?days=0").expectProblem(400).detail()).contains("days");
        assertThat(curator.get("/api/knowledge/answer-quality?days=400").expectProblem(400).detail()).contains("days");
        assertThat(curator.get("/api/knowledge/answer-quality?language=English!").expectProblem(400).detail())
            .contains("language");
        assertThat(curator.get("/api/knowledge/gaps/answers?days=0").expectProblem(400).detail()).contains("days");
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode node : list) {
            if (node.get(field) != null && value.equals(node.get(field).asString())) {
                return node;
            }
        }
        return null;
    }
}
