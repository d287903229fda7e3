package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.escalation.EscalationReason;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import dev.tandem.insight.Outcome;
import dev.tandem.insight.dashboard.OutcomeRows;

/**
 * The dashboards in a real browser: a supervisor opens a team's month, reads the figures, sees the charts drawn by
 * ECharts (from its webjar, no CDN), filters by channel and finds the CSV link carrying the filter; an agent opening
 * the page lands on their own figures. Leaves screenshots in target/screenshots.
 */
@TandemTest
class DashboardBrowserTest {

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
    void aSupervisorReadsATeamsMonthAndFiltersItAndAnAgentSeesTheirOwn() throws Exception {
        var accounts = new TestAccounts(userAccounts, teams);
        var team = accounts.team("support");
        UserSummary agent = accounts.agent(team);
        UserSummary supervisor = accounts.supervisor();
        var rows = new OutcomeRows(jdbc);
        String[] topics = { "shipping_abroad", "gift_wrapping", "shipping_abroad" };
        for (int day = 1; day <= 28; day++) {
            LocalDate date = LocalDate.of(2026, 3, day);
            for (int i = 0; i < 2 + day % 5; i++) {
                var row = rows.row(team.id(), date).in(i % 3 == 0 ? "email" : "widget", i % 4 == 0 ? "es" : "en")
                    .timed(5L + i, 40L + 90L * i * i).rated(i % 5 == 4 ? null : 5 - i % 3);
                if (i % 3 == 2) {
                    row = row.agent(agent.id()).handed().ended(Outcome.HUMAN_RESOLVED, false).timed(120L, 1800L + 600L * i);
                    jdbc.sql("insert into dashboard_escalation (conversation_id, reason, at) values (?, ?, current_timestamp)")
                        .params(row.id(), (day % 2 == 0 ? EscalationReason.PERSON_REQUEST : EscalationReason.FRUSTRATION)
                            .name()).update();
                } else if (i == 4) {
                    row = row.ended(Outcome.ABANDONED, false).about(topics[day % 3]);
                    rows.unanswered(row.id());
                } else {
                    row = row.ended(Outcome.AI_RESOLVED, day < 25 && i % 2 == 0);
                }
                rows.save(row);
            }
        }
        new TestApi(port).as("admin", "admin-password-for-tests").post("/api/insight/dashboard/rebuild", null).expect(200);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = context.newPage();
            signIn(page, supervisor.username());
            page.navigate(url("/insight/dashboard?from=2026-03-01&to=2026-03-31&team=" + team.id()));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboards"))).isVisible();
            assertThat(page.locator("[data-kpi=conversations]")).hasText("112");
            assertThat(page.locator("[data-kpi=verified]")).containsText("%");
            assertThat(page.locator("body[data-dashboard=drawn]")).hasCount(1);
            assertThat(page.locator("#chart-volume svg").first()).isVisible();
            assertThat(page.locator("#chart-reasons svg").first()).isVisible();
            assertThat(page.locator("#chart-gaps")).containsText("shipping_abroad");
            assertThat(page.locator("[data-testid=dashboard-agents]")).containsText(agent.displayName());
            screenshot(page, "dashboard.png");

            page.locator("select[name=channel]").selectOption("email");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            page.waitForURL("**channel=email**");
            assertThat(page.locator("[data-kpi=conversations]")).hasText("45");
            assertThat(page.locator("[data-testid=dashboard-csv]")).hasAttribute("href",
                    java.util.regex.Pattern.compile(".*export\\.csv\\?.*channel=email.*"));
            assertThat(page.locator("body[data-dashboard=drawn]")).hasCount(1);
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            signIn(page, agent.username());
            page.navigate(url("/insight/dashboard?from=2026-03-01&to=2026-03-31"));
            assertThat(page.locator("[data-kpi=conversations]")).hasText("28");
            assertThat(page.locator("select[name=team]")).hasCount(0);
            screenshot(page, "dashboard-agent.png");
        }
    }

    private void signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/inbox**");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
