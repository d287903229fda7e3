package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.tandem.OpenAiCompatibleServer;
import dev.tandem.TandemTest;
import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;

/**
 * LLM mode in a real browser: the customer watches the assistant's reply being written in its bubble,
 * sentence by sentence behind a caret, in place of the typing dots; the posted reply then takes over the
 * same bubble, going on from what was shown, or, when a sentence failed the grounding check, replacing it
 * with the answer quoted from the help article. Leaves target/screenshots/widget-streaming.png.
 */
@TandemTest
class WidgetStreamingBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final OpenAiCompatibleServer MODEL = OpenAiCompatibleServer.start();

    private static final String SET_IT_YOURSELF = "If you've forgotten your password, you can set a new one yourself in a "
            + "couple of minutes";
    private static final String VALID_FOR = "The link is valid for 60 minutes and can only be used once";
    private static final String UNLOCKS = "Resetting your password also unlocks your account if it was locked after "
            + "too many sign-in attempts";

    private static HeadlessChromium chromium;
    private static Browser browser;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("tandem.answering.enabled", () -> "true");
        registry.add("tandem.ai.chat.base-url", MODEL::baseUrl);
        registry.add("tandem.ai.chat.model", () -> "test-model");
        registry.add("tandem.ai.chat.timeout", () -> "10s");
    }

    @LocalServerPort
    int port;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    KnowledgeSearch knowledge;

    @BeforeAll
    static void launchChromium() {
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
        MODEL.stop();
    }

    @BeforeEach
    void theResetArticleIsIndexed() throws InterruptedException {
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

    @Test
    void theCustomerWatchesTheReplyBeingWrittenAndThePostedReplyCompletesIt() throws Exception {
        Page page = chatOpen();
        MODEL.replyWith(String.join(" ", cited(SET_IT_YOURSELF), cited(VALID_FOR), cited(UNLOCKS)));
        MODEL.pauseStreamAfter("Resetting");

        ask(page, "How do I reset my password?");

        Locator writing = page.locator("[data-testid=tandem-reply-in-progress]");
        assertThat(writing).containsText(VALID_FOR + ".");
        assertThat(writing).not().containsText(UNLOCKS);
        assertThat(page.locator("[data-testid=tandem-typing]")).hasCount(0);
        screenshot(page, "widget-streaming.png");

        MODEL.release();
        Locator posted = page.locator("[data-testid=tandem-message][data-author=AI]").last();
        assertThat(posted).hasAttribute("data-reply", "completed");
        assertThat(posted).containsText(UNLOCKS + ".");
        assertThat(posted.locator(".tw-sources")).containsText("Reset your password");
        assertThat(writing).hasCount(0);
        screenshot(page, "widget-streaming-done.png");
    }

    @Test
    void aSentenceThatFailsTheCheckEndsTheReplyAndTheQuotedAnswerReplacesIt() throws Exception {
        Page page = chatOpen();
        MODEL.replyWith(String.join(" ", cited(SET_IT_YOURSELF), cited(VALID_FOR),
                "As an apology for the trouble, we will also send you a $50 voucher [1].", cited(UNLOCKS)));
        MODEL.pauseStreamAfter("As an");

        ask(page, "How do I reset my password?");
        assertThat(page.locator("[data-testid=tandem-reply-in-progress]")).containsText(SET_IT_YOURSELF);
        MODEL.release();

        Locator posted = page.locator("[data-testid=tandem-message][data-author=AI]").last();
        assertThat(posted).hasAttribute("data-reply", "replaced");
        assertThat(posted).not().containsText("voucher");
        assertThat(posted.locator(".tw-sources")).containsText("Reset your password");
        assertThat(page.locator("[data-testid=tandem-reply-in-progress]")).hasCount(0);
    }

    /**
     * The widget with a conversation under way and its live stream open: the first question is answered in
     * the words of the help article (the model has no answer), so the next one is watched as it is written.
     */
    private Page chatOpen() {
        MODEL.replyWith("NO_ANSWER");
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(420, 760)).newPage();
        page.navigate("http://localhost:" + port + "/demo");
        page.locator("[data-testid=tandem-launcher]").click();
        page.waitForResponse(response -> response.url().contains("/events"),
                () -> ask(page, "How long is the password reset link valid?"));
        assertThat(page.locator("[data-testid=tandem-message][data-author=AI]")).containsText("Reset your password");
        return page;
    }

    private static void ask(Page page, String question) {
        page.locator("[data-testid=tandem-input]").fill(question);
        page.locator("[data-testid=tandem-send]").click();
    }

    private static String cited(String sentence) {
        return sentence + " [1].";
    }

    private static void screenshot(Page page, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    private static ImportKnowledge.NamedFile demoArticle(String slug) {
        try {
            Path file = Path.of("src/main/resources/demo/knowledge", slug + ".md");
            return new ImportKnowledge.NamedFile(slug + ".md", Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
