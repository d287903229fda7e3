package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.ReducedMotion;

import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;

/**
 * The assistant's choices and "Did this answer your question?" in a real browser on the demo site:
 * a question two or three articles fit gets them as buttons, a click is answered from that article,
 * and "Yes" under the answer is stored. Leaves screenshots in target/screenshots.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class WidgetChoicesBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    JdbcClient jdbc;

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
    }

    @BeforeEach
    void demoKnowledge() throws Exception {
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @Test
    void aCustomerPicksOneOfTheArticlesOfferedAndSaysTheAnswerHelped() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000)
            // screenshots of the widget at rest, not half-way through a message's fade-in
            .setReducedMotion(ReducedMotion.REDUCE))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/demo");
            page.locator("[data-testid=tandem-launcher]").click();
            page.locator("[data-testid=tandem-input]").fill("do i earn trail rewards points when I buy a gift card for someone");
            page.locator("[data-testid=tandem-send]").click();

            Locator choices = page.locator("[data-testid=tandem-choices]");
            assertThat(choices).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
            Locator earn = choices.getByText("How do I earn Trail Rewards points?");
            assertThat(earn).isVisible();
            screenshot(page, "widget-choices.png");

            earn.click();
            Locator feedback = page.locator("[data-testid=tandem-message][data-author=AI] [data-testid=tandem-feedback]").last();
            assertThat(feedback).containsText("Did this answer your question?",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(page.locator("[data-testid=tandem-message][data-author=AI]").last())
                .containsText("How do I earn Trail Rewards points?");
            screenshot(page, "widget-choices-feedback.png");

            // "no", not "yes": a yes would teach the article this question, and the API tests that share the
            // database ask it again expecting the choices (AnswerCoverageApiTest)
            feedback.locator("[data-feedback=no]").click();
            assertThat(feedback).hasText("Thanks for your feedback!");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                            "select count(*) from ai_answer_feedback where helpful = false").query(Integer.class).single())
                        .isPositive());
        }
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }
}
