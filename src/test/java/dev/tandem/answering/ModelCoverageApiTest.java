package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tandem.DemoKnowledge;
import dev.tandem.OpenAiCompatibleServer;
import dev.tandem.TandemTest;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.json.JsonMapper;

/**
 * LLM mode widens what is answered, against an OpenAI-compatible server inside the test and the demo
 * knowledge: a question the embedded decision would not answer but that is in scope reaches the model
 * with the best passages, and its grounded answer reaches the customer; NO_ANSWER leaves the honest
 * "I don't know"; a question clearly out of scope never reaches the model.
 */
@TandemTest
class ModelCoverageApiTest {

    static final OpenAiCompatibleServer MODEL = OpenAiCompatibleServer.start();

    /** Embedded mode does not answer it (the best article does not stand out), but it is about orders. */
    private static final String IN_SCOPE = "wheres my order";

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("tandem.demo", () -> "true");
        registry.add("tandem.answering.enabled", () -> "true");
        registry.add("tandem.ai.chat.base-url", MODEL::baseUrl);
        registry.add("tandem.ai.chat.model", () -> "test-model");
        registry.add("tandem.ai.chat.timeout", () -> "5s");
    }

    @LocalServerPort
    int port;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    KnowledgeSearch knowledge;

    TestApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        MODEL.reset();
        MODEL.replyWith(LlmAnswers.NO_ANSWER);
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @AfterAll
    static void stop() {
        MODEL.stop();
    }

    @Test
    void aQuestionInScopeThatTheEmbeddedDecisionWouldNotAnswerReachesTheModel() {
        var unanswered = WidgetCustomer.start(api, IN_SCOPE).started().get("messages").get(1);
        assertThat(MODEL.requests()).as("asked although the embedded decision abstains").isEqualTo(1);
        assertThat(unanswered.get("text").asString()).as("NO_ANSWER: the honest reply stands").contains("don't know");
        assertThat(unanswered.get("citations")).isEmpty();

        // the model answers from the first passage it was given, in its words, citing it
        String sentence = firstSentenceOfPassageOne(MODEL.lastBody());
        MODEL.replyWith(sentence + " [1]");
        var answered = WidgetCustomer.start(api, IN_SCOPE).started().get("messages").get(1);

        assertThat(answered.get("text").asString()).contains(sentence).doesNotContain("[1]");
        assertThat(answered.get("citations")).isNotEmpty();
        assertThat(MODEL.requests()).isEqualTo(2);
    }

    @Test
    void anUngroundedAnswerToAQuestionTheEmbeddedDecisionWouldNotAnswerIsNeverShown() {
        MODEL.replyWith("Your order will arrive tomorrow before noon, guaranteed [1].");

        var reply = WidgetCustomer.start(api, IN_SCOPE).started().get("messages").get(1);

        assertThat(MODEL.requests()).isEqualTo(1);
        assertThat(reply.get("text").asString()).doesNotContain("tomorrow").contains("don't know");
    }

    @Test
    void aQuestionClearlyOutOfScopeNeverReachesTheModel() {
        var reply = WidgetCustomer.start(api, "What is the boiling point of tungsten in kelvin?").started()
            .get("messages").get(1);

        assertThat(MODEL.requests()).isZero();
        assertThat(reply.get("text").asString()).contains("don't know");
    }

    private static final Pattern PASSAGE_ONE = Pattern.compile("<passage number=\"1\"[^>]*>\\n(.*?)\\n</passage>",
            Pattern.DOTALL);

    /** The first plain sentence of the first passage the model was given, without Markdown. */
    private static String firstSentenceOfPassageOne(String requestBody) {
        String prompt = JsonMapper.builder().build().readTree(requestBody).get("messages").get(1).get("content")
            .asString();
        Matcher passage = PASSAGE_ONE.matcher(prompt);
        assertThat(passage.find()).as("the model got numbered passages").isTrue();
        for (String line : passage.group(1).split("\\n")) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("|") || text.matches("^([-*+]|\\d+[.)])\\s.*")) {
                continue;
            }
            text = text.replace("**", "").replaceAll("\\[([^\\]]+)\\]\\([^)]*\\)", "$1");
            int end = text.indexOf(". ");
            return end < 0 ? text : text.substring(0, end + 1);
        }
        throw new AssertionError("no prose in passage 1: " + passage.group(1));
    }
}
