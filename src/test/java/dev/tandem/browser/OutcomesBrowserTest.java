package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
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
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;

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

/**
 * CSAT and the resolution ledger in a real browser: the widget offers the rating card once the conversation is
 * resolved and thanks the customer; the emailed link opens the small rating page; the admin's ledger page lists a
 * month's lines and opens an entry with its evidence and its reversal. Leaves screenshots in target/screenshots.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class OutcomesBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

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

    @BeforeEach
    void demoKnowledge() throws Exception {
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theWidgetOffersTheRatingWhenTheConversationIsResolvedAndThanksTheCustomer() throws Exception {
        var supervisor = Agent.of(new TestApi(port), new TestAccounts(userAccounts, teams).supervisor());
        String question = "Do you take paypal? " + TestAccounts.unique("ref");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000)
            .setReducedMotion(ReducedMotion.REDUCE))) {
            Page page = context.newPage();
            page.navigate(url("/demo"));
            page.locator("[data-testid=tandem-launcher]").click();
            page.locator("[data-testid=tandem-input]").fill(question);
            page.locator("[data-testid=tandem-send]").click();
            assertThat(page.locator("[data-testid=tandem-message][data-author=AI]").last()).isVisible(LONG);
            UUID conversation = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "select conversation_id from message where body = ?").param(question).query(UUID.class).optional()
                .orElse(null), id -> id != null);
            supervisor.resolve(conversation).expect(200);

            Locator card = page.locator("[data-testid=tandem-rating]");
            assertThat(card).isVisible(LONG);
            assertThat(card).containsText("How did we do?");
            page.locator("[data-testid=tandem-rate-send]").click();
            assertThat(page.locator("[data-testid=tandem-rate-error]")).containsText("Choose a rating");
            page.locator("[data-testid=tandem-rate-4]").click();
            page.locator("[data-testid=tandem-rate-comment]").fill("Clear answer, thanks");
            screenshot(page, "widget-rating.png");
            page.locator("[data-testid=tandem-rate-send]").click();
            assertThat(page.locator("[data-testid=tandem-rate-done]")).hasText("Thank you for your rating!");
            screenshot(page, "widget-rating-thanks.png");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select count(*) from csat_rating where conversation_id = ? and rating = 4").param(conversation)
                .query(Integer.class).single() == 1);

            page.reload(); // the widget reopens as it was left
            assertThat(page.locator("[data-testid=tandem-message]").first()).isVisible(LONG);
            assertThat(card).isHidden(); // not offered again after a reload
        }
    }

    @Test
    void theEmailedLinkOpensTheRatingPage() throws Exception {
        var api = new TestApi(port);
        var supervisor = Agent.of(api, new TestAccounts(userAccounts, teams).supervisor());
        String email = TestAccounts.unique("page") + "@example.com";
        var customer = WidgetCustomer.start(api, Map.of("message", "How do I reset my password?",
                "customer", Map.of("name", "Paula Page", "email", email)));
        supervisor.resolve(customer.id()).expect(200);
        String body = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select body from outbox_email where recipient = ?").param(email).query(String.class).optional()
            .orElse(null), b -> b != null);
        Matcher link = Pattern.compile("(/rate/[A-Za-z0-9_.-]+)").matcher(body);
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(900, 800))) {
            Page page = context.newPage();
            page.navigate(url(link.group(1)));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("How did we do?"))).isVisible();
            page.locator("[data-testid=rate-5]").check();
            page.locator("[data-testid=rate-comment]").fill("Sorted in minutes.");
            screenshot(page, "rating-page.png");
            page.locator("[data-testid=rate-send]").click();
            assertThat(page.locator("[data-testid=rate-thanks]")).isVisible();
        }
    }

    @Test
    void anAdminOpensALedgerEntryAndSeesWhyItCountedAndItsReversal() throws Exception {
        UUID conversation = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        Instant windowStart = Instant.parse("2026-11-20T10:15:00Z");
        Instant windowEnd = windowStart.plus(Duration.ofHours(72));
        long sequence = jdbc.sql("select coalesce(max(sequence_no), 0) from resolution_ledger").query(Long.class).single();
        insertLine(entry, sequence + 1, "ENTRY", conversation, null, windowStart, windowEnd, """
                {"reason":"The assistant handled it alone, the customer confirmed (answer-confirmed), and 72 h passed with no reopen, no repeat contact on the topic and no negative rating.","confirmation":{"kind":"answer-confirmed","at":"2026-11-20T10:12:03Z","ref":"0193c0de-0000-7000-8000-000000000001"},"aiOnly":true,"windowLength":"PT72H"}""");
        insertLine(UUID.randomUUID(), sequence + 2, "REVERSAL", conversation, entry, windowStart, windowEnd, """
                {"reason":"Reopened at 2026-11-22T08:00:00Z, inside the window that ended 2026-11-23T10:15:00Z; recorded 2026-11-23T10:16:05Z, after entry was written.","evidence":[{"kind":"REOPENED","at":"2026-11-22T08:00:00Z"}]}""");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.getByLabel("User name").fill("admin");
            page.getByLabel("Password").fill("admin-password-for-tests");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL("**/inbox**");
            page.navigate(url("/admin/ledger?month=2026-11"));
            assertThat(page.locator("[data-testid=ledger-totals]")).containsText("2026-11");
            Locator lines = page.locator("[data-testid=ledger-lines]");
            assertThat(lines).containsText("REVERSAL");
            screenshot(page, "ledger.png");
            lines.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(String.valueOf(sequence + 1)).setExact(true))
                .click();
            assertThat(page.locator("[data-testid=ledger-reason]")).containsText("handled it alone");
            assertThat(page.locator("[data-testid=ledger-reversed]")).containsText("Reopened at 2026-11-22");
            assertThat(page.locator("[data-testid=ledger-evidence]")).containsText("answer-confirmed");
            screenshot(page, "ledger-entry.png");
        }
    }

    private void insertLine(UUID id, long sequence, String kind, UUID conversation, UUID reverses, Instant start,
            Instant end, String evidence) {
        jdbc.sql("""
                insert into resolution_ledger (id, sequence_no, kind, conversation_id, reverses_id, ledger_month,
                    definition_version, window_start, window_end, team_id, channel, language, evidence, recorded_at)
                values (?, ?, ?, ?, ?, '2026-11', 0, ?, ?, null, 'widget', 'en', ?, ?)""")
            .params(id, sequence, kind, conversation, reverses, Timestamp.from(start), Timestamp.from(end), evidence,
                    Timestamp.from(end.plusSeconds(kind.equals("ENTRY") ? 60 : 3600)))
            .update();
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        // the widget sits in the page's viewport; the admin pages are shown whole
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(!name.startsWith("widget")));
    }
}
