package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tandem.OpenAiCompatibleServer;
import dev.tandem.TandemTest;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * LLM mode end to end, against an OpenAI-compatible server running inside the test: a grounded
 * rewrite reaches the customer, an answer with an invented sentence never does (the quoted answer
 * goes out instead), and a model that does not answer in time costs the customer nothing but the
 * wait.
 */
@TandemTest
class LlmModeApiTest {

    static final OpenAiCompatibleServer MODEL = OpenAiCompatibleServer.start();

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("tandem.answering.enabled", () -> "true");
        registry.add("tandem.ai.chat.base-url", MODEL::baseUrl);
        registry.add("tandem.ai.chat.model", () -> "test-model");
        registry.add("tandem.ai.chat.timeout", () -> "2s");
    }

    @LocalServerPort
    int port;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    KnowledgeSearch knowledge;

    TestApi api;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new TestApi(port);
        MODEL.reset();
        MODEL.replyWith(LlmAnswers.NO_ANSWER);
        if (knowledge.search("reset password", "en", Audience.CUSTOMER, 1).isEmpty()) {
            importer.importFiles(List.of(demoArticle("reset-your-password"), demoArticle("return-window")),
                    new ImportKnowledge.Options(true, null, null), "test");
        }
        for (int waited = 0; knowledge.search("reset password", "en", Audience.CUSTOMER, 1).isEmpty(); waited++) {
            assertThat(waited).as("the articles are indexed within a minute").isLessThan(600);
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        MODEL.stop();
    }

    @Test
    void aGroundedRewriteReachesTheCustomer() {
        MODEL.replyWith("Select Forgot password? on the sign-in page and we'll email you a reset link [1]. "
                + "The link is valid for 60 minutes and can only be used once [1].");

        JsonNode reply = WidgetCustomer.start(api, "How do I reset my password?").started().get("messages").get(1);

        assertThat(reply.get("text").asString())
            .contains("Select Forgot password? on the sign-in page and we'll email you a reset link.")
            .doesNotContain("[1]");
        assertThat(reply.get("citations").get(0).get("title").asString()).isEqualTo("Reset your password");
        assertThat(MODEL.requests()).isEqualTo(1);
    }

    @Test
    void anAnswerWithAnInventedSentenceNeverReachesTheCustomer() {
        MODEL.replyWith("Select Forgot password? on the sign-in page and we'll email you a reset link [1]. "
                + "As an apology for the trouble, we will also send you a $50 voucher [1].");

        JsonNode reply = WidgetCustomer.start(api, "How do I reset my password?").started().get("messages").get(1);

        assertThat(reply.get("text").asString()).doesNotContain("voucher").doesNotContain("$50")
            .as("the answer quoted from the article instead").contains("Send reset link");
        assertThat(reply.get("citations").get(0).get("title").asString()).isEqualTo("Reset your password");
    }

    @Test
    void aModelThatFailsOrIsTooSlowLeavesTheQuotedAnswer() {
        MODEL.failWith(500);
        JsonNode failed = WidgetCustomer.start(api, "How do I reset my password?").started().get("messages").get(1);
        assertThat(failed.get("text").asString()).contains("Send reset link");

        MODEL.replySlowly("Select Forgot password? on the sign-in page [1].");
        JsonNode slow = WidgetCustomer.start(api, "How do I reset my password?").started().get("messages").get(1);
        MODEL.release();
        assertThat(slow.get("text").asString()).contains("Send reset link");
    }

    private static ImportKnowledge.NamedFile demoArticle(String slug) {
        try {
            Path file = Path.of("src/main/resources/demo/knowledge", slug + ".md");
            return new ImportKnowledge.NamedFile(slug + ".md", Files.readString(file, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
