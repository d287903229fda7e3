package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

/**
 * The answer-quality page and the answers to fix on the knowledge-gaps page in a real browser, as a curator meets
 * them: an AI answer the quality review judged inaccurate (stored as the review files it) shows under its article
 * with the evidence, and among the answers to fix, where the curator dismisses it. Leaves screenshots in
 * target/screenshots.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class AnswerQualityBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

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

    @Test
    void aCuratorSeesAnInaccurateAnswerUnderItsArticleAndDismissesIt() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID articleId = jdbc.sql("select id from article where title = 'When will I get my refund?'").query(UUID.class).single();
        String question = "how long do card refunds take " + marker;
        judgedAnswer(articleId, question, false, "Card refunds take 45 business days.",
                "the knowledge base gives other figures on this subject");
        judgedAnswer(articleId, "when is my refund " + marker, true, "Card refunds take 3–5 business days.",
                "the knowledge base gives the same figure (When will I get my refund?)");
        UserSummary curator = new TestAccounts(userAccounts, teams).curator();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1200))) {
            Page page = context.newPage();
            signIn(page, curator.username(), TestAccounts.PASSWORD);
            page.navigate(url("/knowledge/answer-quality?days=7&language=en"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Answer quality"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Answer quality"))).isVisible();
            var row = page.locator("[data-testid=article-quality]",
                    new Page.LocatorOptions().setHasText("When will I get my refund?"));
            assertThat(row).containsText("45 business days");
            assertThat(row).containsText("inaccurate");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("answer-quality.png")).setFullPage(true));

            page.navigate(url("/knowledge/gaps?days=7"));
            var wrong = page.locator("[data-testid=wrong-answer]", new Page.LocatorOptions().setHasText(question));
            assertThat(wrong).containsText("inaccurate");
            assertThat(wrong).containsText("Card refunds take 45 business days.");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("answers-to-fix.png")).setFullPage(true));
            wrong.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Dismiss")).click();
            assertThat(page.locator(".notice")).containsText("1 question dismissed");
            assertThat(page.locator("[data-testid=wrong-answer]", new Page.LocatorOptions().setHasText(question))).hasCount(0);
        }
    }

    /** An answer citing the article, with the verdict the quality review filed on it. */
    private void judgedAnswer(UUID articleId, String question, boolean accurate, String evidence, String basis) {
        UUID answerId = UUID.randomUUID();
        UUID reply = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into ai_answer (id, conversation_id, question_message_id, reply_message_id, kind, language, question,
                    cited_article_ids, confidence, created_at) values (?, ?, ?, ?, 'ANSWERED', 'en', ?, ?, 0.9, ?)""")
            .params(answerId, UUID.randomUUID(), UUID.randomUUID(), reply, question, articleId.toString(), now).update();
        jdbc.sql("""
                insert into ai_answer_verdict (reply_message_id, item, conversation_id, verdict, evidence, basis, confidence,
                    rubric_version, judged_at) values (?, 'accurate', ?, ?, ?, ?, 0.6, 0, ?)""")
            .params(reply, UUID.randomUUID(), accurate, evidence, basis, now).update();
    }

    private void signIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
