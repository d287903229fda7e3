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
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
 * Issue 11's acceptance: in LLM mode, a question carrying a card number, an e-mail address and a phone number
 * still gets its answer, and none of the three reaches the model's server or the application log in clear.
 */
@TandemTest
@ExtendWith(OutputCaptureExtension.class)
class LlmPrivacyApiTest {

    static final OpenAiCompatibleServer MODEL = OpenAiCompatibleServer.start();

    private static final String CARD = "4111 1111 1111 1111";
    private static final String EMAIL = "jane.doe@example.com";
    private static final String PHONE = "+1 415 555 0134";

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
        if (knowledge.search("reset password", "en", Audience.CUSTOMER, 1).isEmpty()) {
            importer.importFiles(List.of(demoArticle("reset-your-password")), new ImportKnowledge.Options(true, null, null),
                    "test");
        }
        for (int waited = 0; knowledge.search("reset password", "en", Audience.CUSTOMER, 1).isEmpty(); waited++) {
            assertThat(waited).as("the article is indexed within a minute").isLessThan(600);
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        MODEL.stop();
    }

    @Test
    void personalDataInAQuestionNeverReachesTheModelNorTheLog(CapturedOutput output) {
        MODEL.replyWith("Select Forgot password? on the sign-in page and we'll email you a reset link [1].");

        JsonNode reply = WidgetCustomer.start(api, "How do I reset my password? My card is " + CARD + ", my email "
                + EMAIL + " and my phone " + PHONE + ".").started().get("messages").get(1);

        assertThat(reply.get("text").asString()).contains("we'll email you a reset link");
        assertThat(MODEL.requests()).isEqualTo(1);
        String prompt = MODEL.lastBody();
        assertThat(prompt).contains("How do I reset my password?").contains("[CARD]").contains("[EMAIL]").contains("[PHONE]");
        assertClear(prompt);
        assertClear(output.getAll());
    }

    @Test
    void theLogMasksPersonalDataWhateverAStatementWrites(CapturedOutput output) {
        LoggerFactory.getLogger(LlmPrivacyApiTest.class)
            .info("a careless statement: card {} email {} phone {}", CARD, EMAIL, PHONE);

        assertThat(output.getAll()).contains("a careless statement: card [CARD] email [EMAIL] phone [PHONE]");
        assertClear(output.getAll());
    }

    private static void assertClear(String text) {
        assertThat(text).doesNotContain(CARD).doesNotContain(CARD.replace(" ", "")).doesNotContain(EMAIL)
            .doesNotContain("555 0134").doesNotContain("5550134");
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
