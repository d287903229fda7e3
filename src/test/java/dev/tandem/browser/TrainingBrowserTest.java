package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;

/**
 * A whole training session in a real browser: an agent opens Training from the navigation, filters the scenarios,
 * starts one, finds the answer in the knowledge panel and inserts its link, talks the simulated customer through
 * to the end, finishes and sees the score with its evidence; their coach finds the session in the team's history
 * and leaves a note. Leaves screenshots in target/screenshots (training-*.png).
 */
@TandemTest
class TrainingBrowserTest {

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
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signIn(BrowserContext context, UserSummary user) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(user.username());
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/inbox**");
        return page;
    }

    private static void send(Page page, String text, String customerSays) {
        int before = page.locator("[data-testid=training-transcript] .msg").count();
        page.locator("[data-testid=training-text]").fill(text);
        page.locator("[data-testid=training-send]").click();
        Locator turns = page.locator("[data-testid=training-transcript] .msg");
        assertThat(turns).hasCount(before + (customerSays == null ? 1 : 2));
        if (customerSays != null) {
            assertThat(turns.last()).hasAttribute("data-author", "CUSTOMER");
            assertThat(turns.last()).containsText(customerSays);
        }
    }

    @Test
    void anAgentPractisesAWholeSessionAndTheirCoachLeavesANote() throws Exception {
        DemoKnowledge.ensureIndexed(knowledge, importer);
        var people = new TestAccounts(accounts, teams);
        var team = people.team("training");
        UserSummary agent = people.agent(team);
        UserSummary coach = people.user("coach", Set.of(Role.SUPERVISOR), team);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = signIn(context, agent);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Training")).click();
            assertThat(page.locator("h1")).hasText("Training");
            page.locator("#kind").selectOption("answer");
            page.locator("#language").selectOption("en");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(page.locator("tr[data-scenario=ship-cost-canada]")).isVisible();
            screenshot(page, "training-pick.png");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start ship-cost-canada")).click();

            assertThat(page.locator("h1")).hasText("Olivia Brown");
            assertThat(page.locator("[data-testid=training-transcript] .msg").first()).containsText("ship to canada");
            // the knowledge panel searches what the customer said, as the workspace's panel does
            Locator passages = page.locator("[data-testid=training-passages] li");
            assertThat(passages.first()).isVisible();
            Locator costs = passages.filter(new Locator.FilterOptions().setHasText("Shipping costs"));
            assertThat(costs.first()).isVisible();

            send(page, "Hi Olivia, thanks for contacting Northwind! Let me check that for you.", "OK, thanks.");
            page.locator("[data-testid=training-text]").fill("Standard shipping to Canada is $9.95 and takes 6 to 10 business days, see");
            page.locator("[data-testid=training-passages] li").filter(new Locator.FilterOptions().setHasText("Shipping costs"))
                .first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Insert link")).click();
            // (Playwright hands the pattern to JavaScript, which knows no \Q…\E quoting)
            assertThat(page.locator("[data-testid=training-text]")).hasValue(
                    java.util.regex.Pattern.compile("see http://localhost:\\d+/help/shipping-costs$"));
            int before = page.locator("[data-testid=training-transcript] .msg").count();
            page.locator("[data-testid=training-text]").press("Control+Enter");
            assertThat(page.locator("[data-testid=training-transcript] .msg")).hasCount(before + 2);
            assertThat(page.locator("[data-testid=training-transcript] .msg").last()).containsText("exactly what I needed");
            send(page, "Is there anything else I can help you with today?", "that's all");
            send(page, "Have a great day, Olivia!", null);
            screenshot(page, "training-session.png");

            page.locator("[data-testid=training-finish]").click();
            Locator score = page.locator("[data-testid=training-score]");
            assertThat(score.locator("[data-testid=training-goal]")).containsText("Goal met.");
            assertThat(score).containsText("Rubric: 7 of 7");
            assertThat(score.locator("tr[data-item=greeted]")).containsText("thanks for contacting");
            assertThat(score.locator("tr[data-item=acknowledged_feelings]")).containsText("n/a");
            assertThat(page.locator("[data-testid=training-text]")).hasCount(0);
            screenshot(page, "training-score.png");
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = signIn(context, coach);
            page.navigate(url("/training"));
            Locator row = page.locator("[data-testid=training-history] tr").filter(new Locator.FilterOptions()
                .setHasText(agent.displayName()));
            assertThat(row).containsText("met");
            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open")).click();
            assertThat(page.locator("[data-testid=training-score]")).containsText("Rubric: 7 of 7");
            page.locator("#training-note-text").fill("Good answer with the link. Next time, say how long delivery takes first.");
            page.locator("[data-testid=training-save-note]").click();
            assertThat(page.locator("[data-testid=training-note]")).containsText("Next time, say how long delivery takes first.");
            screenshot(page, "training-coach-note.png");
        }
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
