package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.channel.WidgetInboxes;
import dev.tandem.identity.Role;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/**
 * An agent's "My wellbeing" page in a real browser (the same context as WellbeingApiTest): after two abusive
 * customers the workspace suggests a break with its reason, the page shows the figures and every intervention, and
 * taking the break says until when no conversation is assigned. Leaves screenshots in target/screenshots.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.routing.auto-assign=true", "tandem.routing.check-every=PT1S",
        "tandem.wellbeing.breaks.after=2", "tandem.wellbeing.fewer-difficult.after=2", "tandem.wellbeing.alert.after=2",
        "tandem.wellbeing.refresh-every=PT1S" })
class WellbeingBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    WidgetInboxes inboxes;

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
    void anAgentSeesWhyABreakIsSuggestedAndTakesIt() throws Exception {
        TestApi api = new TestApi(port);
        var testAccounts = new TestAccounts(accounts, teams);
        Team team = testAccounts.team("wellbeing-page");
        String inbox = inboxes.create(new WidgetInboxes.Settings("Wellbeing", "Shop", "Hi", "#123456", team.id())).key();
        Agent agent = Agent.of(api, testAccounts.user("wbpage", Set.of(Role.AGENT), team));
        Agent supervisor = Agent.of(api, testAccounts.user("wbsup", Set.of(Role.SUPERVISOR), team));
        agent.api().put("/api/me/presence", Map.of("status", "ONLINE")).expect(200);
        for (int i = 0; i < 2; i++) {
            var customer = WidgetCustomer.start(api, Map.of("inbox", inbox, "message",
                    "You are a useless fucking idiot, where is my refund " + i));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                    () -> "ASSIGNED".equals(supervisor.conversation(customer.id()).get("status").asString()));
            agent.reply(customer.id(), "I'm sorry, let me look at your refund right away.").expect(201);
            agent.resolve(customer.id()).expect(200);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60))
            .until(() -> !agent.api().get("/api/wellbeing/me").expect(200).json().get("pendingBreak").isNull());

        try (BrowserContext side = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
            Page page = side.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("User name").fill(agent.user().username());
            page.getByLabel("Password").fill(TestAccounts.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            // every workspace page carries the suggestion
            page.navigate("http://localhost:" + port + "/inbox");
            assertThat(page.locator(".wellbeing-banner")).containsText("Time for a break?",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(page.locator(".wellbeing-banner")).containsText("abusive language ×2");
            screenshot(page, "wellbeing-banner.png");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My wellbeing")).first().click();
            assertThat(page.locator("h1")).hasText("My wellbeing");
            assertThat(page.locator(".page-subtitle")).containsText("support you, not to evaluate you");
            assertThat(page.locator(".wellbeing-break")).containsText("2 difficult contacts in a row");
            assertThat(page.locator("table.wellbeing-figures")).containsText("Difficult contacts");
            assertThat(page.locator(".wellbeing-interventions")).containsText("Fewer difficult contacts");
            assertThat(page.locator(".wellbeing-interventions")).containsText("Supervisor told");
            screenshot(page, "wellbeing-page.png");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take a 10-minute break")).click();
            assertThat(page.locator(".alert-success")).containsText("Enjoy your break");
            assertThat(page.locator(".wellbeing-break h2")).containsText("On a break until");
            screenshot(page, "wellbeing-on-break.png");
        }
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
