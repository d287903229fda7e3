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
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;

/**
 * A refund over the automatic limit in a real browser: the customer, with name and email in the widget,
 * asks for it on the demo site and answers the assistant; a supervisor approves it in the workspace's
 * approval queue; the customer sees it done in the open chat. Leaves screenshots in target/screenshots.
 *
 * <p>The same properties as {@code ProceduresApiTest}, so the two share one application context.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true",
        "tandem.procedures.systems.northwind.timeout=PT1S",
        "tandem.procedures.systems.northwind.breaker-open-for=PT0.2S" })
class ProcedureBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final LocatorAssertions.ContainsTextOptions PATIENTLY = new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

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
    void knowledgeIndexed() throws Exception {
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @Test
    void aRefundIsApprovedInTheWorkspaceAndTheCustomerSeesItDone() throws Exception {
        Page customer = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        customer.navigate(url("/demo"));
        customer.locator("[data-testid=tandem-launcher]").click();
        customer.locator("[data-testid=tandem-details-toggle]").click();
        customer.locator("[data-testid=tandem-name]").fill("Ada Lovelace");
        customer.locator("[data-testid=tandem-email]").fill("ada@example.com");
        send(customer, "Hi, I'd like a refund for my order NW-1005 please");
        Locator fromAssistant = customer.locator("[data-testid=tandem-message][data-author=AI]");
        assertThat(fromAssistant.last()).containsText("How much should I refund?", PATIENTLY);

        send(customer, "$180");
        assertThat(fromAssistant.last()).containsText("needs a quick check by a team member", PATIENTLY);
        screenshot(customer, "widget-procedure.png");

        var supervisor = new TestAccounts(accounts, teams).supervisor();
        Page workspace = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        workspace.navigate(url("/login"));
        workspace.getByLabel("User name").fill(supervisor.username());
        workspace.getByLabel("Password").fill(TestAccounts.PASSWORD);
        workspace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        workspace.navigate(url("/approvals"));
        Locator request = workspace.locator("li.approval").filter(new Locator.FilterOptions().setHasText("Refund $180.00 of order NW-1005"));
        assertThat(request).containsText("Ada Lovelace");
        screenshot(workspace, "approval-queue.png");

        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(workspace.getByRole(AriaRole.STATUS).first()).containsText("Approved: Refund $180.00 of order NW-1005");
        assertThat(workspace.locator("table[aria-labelledby=decided-title]")).containsText("Refund $180.00 of order NW-1005");

        assertThat(fromAssistant.last()).containsText("I've refunded $180.00 for order NW-1005", PATIENTLY);
        screenshot(customer, "widget-procedure-done.png");
    }

    private static void send(Page page, String text) {
        page.locator("[data-testid=tandem-input]").fill(text);
        page.locator("[data-testid=tandem-send]").click();
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
