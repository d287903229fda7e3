package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.channel.WidgetInboxes;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

/**
 * Quality review in a real browser: an agent opens their coaching page (strengths, one focus, the verdicts with
 * their words) and disputes a verdict; a supervisor reviews that conversation blind in calibration and sees their
 * verdicts beside the automatic ones. Leaves screenshots in target/screenshots.
 */
@TandemTest
class QualityBrowserTest {

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
    void anAgentReadsTheirCoachingAndDisputesAVerdictAndASupervisorCalibratesBlind() {
        TestAccounts accounts = new TestAccounts(userAccounts, teams);
        var team = accounts.team("quality-browser");
        UserSummary agentUser = accounts.agent(team);
        TestApi api = new TestApi(port);
        Agent agent = Agent.of(api, agentUser);
        var inbox = inboxes.create(new WidgetInboxes.Settings("Q", "Q Ltd", "Hello!", "#123abc", team.id()));
        var customer = WidgetCustomer.start(api, Map.of("inbox", inbox.key(), "message", "my parcel 77120 is late, I'm worried"));
        agent.reply(customer.id(), "Hi, I'm Kim from Q Ltd, thanks for reaching out. I've checked parcel 77120: it arrives "
                + "tomorrow before noon. Is there anything else I can help with?").expect(201);
        customer.post("no thanks").expect(201);
        agent.resolve(customer.id()).expect(200);
        UUID conversation = customer.id();
        Awaitility.await().atMost(Duration.ofSeconds(60))
            .until(() -> agent.api().get("/api/quality/conversations/" + conversation).status() == 200);
        UserSummary supervisor = accounts.supervisor();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1400))) {
            Page page = context.newPage();
            signIn(page, agentUser.username(), TestAccounts.PASSWORD);
            page.navigate(url("/quality/coaching"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your coaching"))).isVisible();
            assertThat(page.locator("#strengths")).containsText("greeted");
            assertThat(page.locator("#focus")).containsText("of conversations");
            assertThat(page.locator("#recent")).containsText("Kim from Q Ltd");
            var form = page.locator("form.dispute-form").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHas(page.locator("input[name=item][value=closed_properly]")));
            form.locator("input[name=reason]").fill("The customer's thanks came after my goodbye.");
            form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Dispute")).click();
            assertThat(page.locator(".alert-success")).containsText("went to calibration");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("quality-coaching.png")).setFullPage(true));
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1400))) {
            Page page = context.newPage();
            signIn(page, supervisor.username(), TestAccounts.PASSWORD);
            page.navigate(url("/quality/calibration"));
            page.locator("#queue a", new Page.LocatorOptions().setHasText(conversation.toString())).click();
            assertThat(page.locator("#transcript")).containsText("parcel 77120");
            assertThat(page.locator("#review-form")).not().containsText("the customer spoke last");
            page.getByLabel("greeted met").check();
            page.getByLabel("closed_properly met").check();
            page.getByLabel("acknowledged_feelings missed").check();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("quality-review.png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save review")).click();
            assertThat(page.locator("#comparison")).containsText("closed_properly");
            assertThat(page.locator("#comparison")).containsText("differ");
            page.navigate(url("/quality/calibration"));
            assertThat(page.locator("#agreement")).containsText("greeted");
            assertThat(page.locator("#weeks")).containsText("100%");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("quality-calibration.png")).setFullPage(true));
        }
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
