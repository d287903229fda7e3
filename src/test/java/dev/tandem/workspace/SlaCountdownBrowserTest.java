package dev.tandem.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;
import dev.tandem.conversation.ConversationPriority;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ResponseTargets;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import dev.tandem.routing.AgentPresence;
import dev.tandem.routing.PresenceStatus;

/**
 * The queue in a real browser: priorities and first-response countdowns that tick without the server
 * (green, amber, red), and the presence switch, also after the timeout took the agent offline. Leaves
 * screenshots in target/screenshots.
 */
@TandemTest
class SlaCountdownBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Teams teams;

    @Autowired
    UserAccounts accounts;

    @Autowired
    StartConversation start;

    @Autowired
    ConversationQueries queries;

    @Autowired
    ResponseTargets targets;

    @Autowired
    AgentPresence presence;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(Paths.get("/usr/bin/chromium"))
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private UUID waiting(WorkspaceFixtures fixtures, Team team, String customer, String text) {
        UUID id = fixtures.conversation(WorkspaceFixtures.unique(customer), team, text);
        ApiCaller.eventually("a first-response target",
                () -> queries.summary(id).map(c -> c.firstResponse() != null).orElse(false));
        return id;
    }

    @Test
    void theQueueShowsLiveCountdownsMostUrgentFirst() throws Exception {
        var fixtures = new WorkspaceFixtures(teams, accounts, start);
        Team team = fixtures.team();
        UserSummary agent = fixtures.agent("Sofia Sla", team);
        UUID normal = waiting(fixtures, team, "Noah Normal", "Do you ship to Iceland?");
        UUID high = waiting(fixtures, team, "Hana High", "I was charged twice for my order NW-20931");
        Instant now = Instant.now();
        targets.waiting(high, ConversationPriority.HIGH, now.minusSeconds(200), now.plusSeconds(100));
        UUID overdue = waiting(fixtures, team, "Omar Overdue", "Where is my refund? It has been three weeks.");
        targets.waitingAgain(overdue, ConversationPriority.NORMAL, now.minus(Duration.ofMinutes(16)),
                now.minusSeconds(63));

        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 720))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.fill("#username", agent.username());
            page.fill("#password", WorkspaceFixtures.PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL("**/inbox");
            page.locator("body.is-live").waitFor();

            var highRow = page.locator("[data-list-item='" + high + "']");
            assertThat(highRow.locator(".priority")).hasText("High");
            assertThat(highRow.locator(".sla")).hasClass(java.util.regex.Pattern.compile("sla-soon"));
            assertThat(page.locator("[data-list-item='" + overdue + "'] .sla"))
                .hasClass(java.util.regex.Pattern.compile("sla-overdue"));
            assertThat(page.locator("[data-list-item='" + overdue + "'] .sla")).containsText("overdue 1:");
            var normalCountdown = page.locator("[data-list-item='" + normal + "'] .sla");
            assertThat(normalCountdown).hasClass(java.util.regex.Pattern.compile("sla-ok"));
            String before = normalCountdown.textContent();
            assertThat(before).matches("responds in 1[45]:[0-5][0-9]");
            // ticks in the browser (each second; a loaded machine may delay a tick, so wait up to ten)
            assertThat(normalCountdown).not().hasText(before,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));

            // most urgent first
            List<String> order = page.locator("[data-list-item]").all().stream()
                .map(row -> row.getAttribute("data-list-item")).toList();
            assertThat(order.indexOf(high.toString())).isLessThan(order.indexOf(normal.toString()));

            page.selectOption("#presence-status", "ONLINE");
            assertThat(page.locator("#presence")).hasClass(java.util.regex.Pattern.compile("presence-online"));
            Path shot = Paths.get("target", "screenshots", "workspace-inbox-sla.png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot));

            page.navigate("http://localhost:" + port + "/conversations/" + high);
            assertThat(page.locator(".conv-heading .sla")).containsText("responds in");
            assertThat(page.locator("#presence-status")).hasValue("ONLINE");
        }
    }

    @Test
    void anAgentTheTimeoutTookOfflineSeesItOnReconnectAndGoesBackOnlineInOneClick() {
        var fixtures = new WorkspaceFixtures(teams, accounts, start);
        UserSummary agent = fixtures.agent("Lena Laptop", fixtures.team());
        presence.set(agent.id(), PresenceStatus.ONLINE);

        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 720))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.fill("#username", agent.username());
            page.fill("#password", WorkspaceFixtures.PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL("**/inbox");
            page.locator("body.is-live").waitFor();
            assertThat(page.locator("#presence")).hasClass(java.util.regex.Pattern.compile("presence-online"));

            // the laptop slept with the page open: the watch (tested in routing) took the agent offline,
            // and the page catches up when its stream reconnects
            jdbc.sql("""
                    update agent_presence set status_before_timeout = status, status = 'OFFLINE', changed_by = 'TIMEOUT'
                    where user_id = ?""").param(agent.id()).update();
            page.evaluate("htmx.trigger(document.body, 'tandem:resync')");

            assertThat(page.locator("#presence")).hasClass(java.util.regex.Pattern.compile("presence-offline"));
            assertThat(page.locator("#presence-timed-out")).containsText("Set offline automatically at");
            assertThat(page.locator("#presence-status")).hasValue("OFFLINE");
            page.locator("#presence").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "workspace-presence-timed-out.png")));

            page.click("#presence-timed-out button");

            assertThat(page.locator("#presence")).hasClass(java.util.regex.Pattern.compile("presence-online"));
            assertThat(page.locator("#presence-timed-out")).hasCount(0);
            assertThat(page.locator("#presence-status")).hasValue("ONLINE");
            assertThat(presence.of(agent.id()).changedBy()).isEqualTo(AgentPresence.ChangedBy.AGENT);
        }
    }
}
