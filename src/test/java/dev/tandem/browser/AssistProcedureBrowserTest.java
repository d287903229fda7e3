package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/**
 * The assist panel's next step in a real browser: an agent who has a handed-over conversation in which the
 * customer asks where their order is clicks "Run for the customer", the procedure's first question appears
 * in the conversation and the panel shows what it waits for; a second tab that still offered it is told it
 * is already running. And the assist pages are in the
 * navigation of those who may open them. Leaves screenshots in target/screenshots.
 *
 * <p>The same properties as {@code ProceduresApiTest} (the demo's procedures), so they share one context.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true",
        "tandem.procedures.systems.northwind.timeout=PT1S",
        "tandem.procedures.systems.northwind.breaker-open-for=PT0.2S" })
class AssistProcedureBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final LocatorAssertions.IsVisibleOptions PATIENTLY = new LocatorAssertions.IsVisibleOptions()
        .setTimeout(30_000);

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

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

    @Test
    void theAgentRunsTheOfferedProcedureFromThePanel() throws Exception {
        TestAccounts people = new TestAccounts(accounts, teams);
        var sam = people.user("agent", Set.of(Role.AGENT, Role.SUPERVISOR));
        TestApi api = new TestApi(port);
        WidgetCustomer customer = WidgetCustomer.start(api, Map.of("message", "Hello, I have a question for you.",
                "customer", Map.of("name", "Ada Lovelace", "email", "ada@example.com")));
        customer.handoff();
        customer.post("Where is my order? It should have arrived by now.").expect(201);
        Agent.of(api, sam).assign(customer.id()).expect(200);

        Page page = signIn(sam.username());
        page.navigate(url("/conversations/" + customer.id()));
        Locator run = page.locator("[data-testid=assist-run-procedure]");
        assertThat(run).isVisible(PATIENTLY);
        assertThat(page.locator("[data-testid=assist-procedure]")).containsText("Order status");
        page.locator("[data-testid=assist-procedure]").scrollIntoViewIfNeeded();
        screenshot(page, "assist-procedure-offer.png");
        // the same conversation open in a second tab, still offering the procedure
        Page otherTab = page.context().newPage();
        otherTab.navigate(url("/conversations/" + customer.id()));
        assertThat(otherTab.locator("[data-testid=assist-run-procedure]")).isVisible(PATIENTLY);

        run.click();
        assertThat(page.locator("[data-testid=assist-procedure-notice]")).isVisible();
        assertThat(page.locator("[data-testid=assist-procedure-running]"))
            .containsText("waiting for the customer's order number");
        assertThat(page.locator("[data-testid=assist-run-procedure]")).hasCount(0);
        Locator fromAssistant = page.locator(".msg-ai");
        assertThat(fromAssistant.last()).containsText("order number",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        screenshot(page, "assist-run-procedure.png");

        otherTab.locator("[data-testid=assist-run-procedure]").click();
        assertThat(otherTab.locator("[data-testid=assist-procedure-error]")).containsText("already running");
        screenshot(otherTab, "assist-run-procedure-refused.png");
    }

    @Test
    void theAssistPagesAreInTheNavigationOfThoseWhoMayOpenThem() throws Exception {
        TestAccounts people = new TestAccounts(accounts, teams);
        Page curator = signIn(people.curator().username());
        link(curator, "Macros").click();
        assertThat(curator.locator("h1")).containsText("Macros");
        assertThat(link(curator, "Assist suggestions")).hasCount(0);
        screenshot(curator, "nav-assist-macros.png");

        Page supervisor = signIn(people.supervisor().username());
        link(supervisor, "Assist suggestions").click();
        assertThat(supervisor.locator("h1")).containsText("Assist suggestions");
        assertThat(link(supervisor, "Macros")).hasCount(0);
        screenshot(supervisor, "nav-assist-feedback.png");

        Page agent = signIn(people.agent().username());
        assertThat(link(agent, "Macros")).hasCount(0);
        assertThat(link(agent, "Assist suggestions")).hasCount(0);
    }

    /** A link of the sidebar's navigation, on a page every role may open. */
    private Locator link(Page page, String name) {
        if (!page.url().contains("/knowledge")) {
            page.navigate(url("/knowledge"));
        }
        return page.locator("aside.sidebar nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
    }

    private Page signIn(String username) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)).newPage();
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
