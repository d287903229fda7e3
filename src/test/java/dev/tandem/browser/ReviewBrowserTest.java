package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;

import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * The review page in a real browser, in the supervised roll-out mode: a customer asks in the widget and is told a
 * person is checking; a supervisor edits the reply on the review page and approves it; the customer's widget
 * shows the edited text, once. Leaves screenshots in target/screenshots.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true", "tandem.review.mode=supervised",
        "tandem.answering.reply-wait=PT5S" })
class ReviewBrowserTest {

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

    private Set<String> pendingIds(TestApi supervisorApi) {
        Set<String> ids = new HashSet<>();
        for (JsonNode item : supervisorApi.get("/api/review").expect(200).json()) {
            ids.add(item.get("id").asString());
        }
        return ids;
    }

    @Test
    void aSupervisorEditsAHeldReplyAndTheCustomerSeesTheEditOnce() throws Exception {
        DemoKnowledge.ensureIndexed(knowledge, importer);
        UserSummary supervisor = new TestAccounts(accounts, teams).supervisor();
        TestApi supervisorApi = new TestApi(port).as(supervisor.username(), TestAccounts.PASSWORD);
        Set<String> before = pendingIds(supervisorApi);
        String edited = "Choose Forgot password? on the sign-in page. Checked by our team.";

        try (BrowserContext customerSide = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
            .setReducedMotion(ReducedMotion.REDUCE));
                BrowserContext reviewerSide = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
            Page customer = customerSide.newPage();
            customer.navigate("http://localhost:" + port + "/demo");
            customer.locator("[data-testid=tandem-launcher]").click();
            customer.locator("[data-testid=tandem-input]").fill("How do I reset my password?");
            customer.locator("[data-testid=tandem-send]").click();
            assertThat(customer.locator("[data-testid=tandem-message]").last())
                .containsText("checking my answer", new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));

            String[] held = new String[1];
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                Set<String> now = pendingIds(supervisorApi);
                now.removeAll(before);
                held[0] = now.stream().findFirst().orElse(null);
                return held[0] != null;
            });

            Page reviewer = reviewerSide.newPage();
            reviewer.navigate("http://localhost:" + port + "/login");
            reviewer.getByLabel("User name").fill(supervisor.username());
            reviewer.getByLabel("Password").fill(TestAccounts.PASSWORD);
            reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            reviewer.navigate("http://localhost:" + port + "/review");
            Locator item = reviewer.locator("[data-review-id='" + held[0] + "']");
            assertThat(item).containsText("supervised mode");
            assertThat(item.locator("textarea[name=text]")).hasValue(java.util.regex.Pattern.compile("password", java.util.regex.Pattern.CASE_INSENSITIVE));
            screenshot(reviewer, "review-page.png");

            item.locator("textarea[name=text]").fill(edited);
            item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve and send")).click();
            assertThat(reviewer.locator(".alert-success")).containsText("Your edit was sent.");
            assertThat(reviewer.locator("[data-review-id='" + held[0] + "']")).hasCount(0);
            // the decision table (templates/fragments/decisions.html, shared with Approvals) lists it with what was sent
            assertThat(reviewer.locator("table[aria-labelledby=decided-title]")).containsText(edited);

            Locator sent = customer.locator("[data-testid=tandem-message][data-author=AI]").filter(
                    new Locator.FilterOptions().setHasText("Checked by our team."));
            assertThat(sent).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            screenshot(customer, "review-widget.png");
        }
    }

    @Test
    void anAdminSeesTheActiveConstitutionAndAnInvalidSaveNamesItsLine() throws Exception {
        try (BrowserContext adminSide = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
            Page admin = adminSide.newPage();
            admin.navigate("http://localhost:" + port + "/login");
            admin.getByLabel("User name").fill("admin");
            admin.getByLabel("Password").fill("admin-password-for-tests");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            admin.navigate("http://localhost:" + port + "/admin/constitution");
            assertThat(admin.locator("table").first()).containsText("no-card-or-password-request");
            screenshot(admin, "constitution-page.png");

            admin.locator("#yaml").fill("rules:\n  - id: x\n    description: y\n    check: magic\n    action: BLOCK\n");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version")).click();
            assertThat(admin.locator(".alert-error")).containsText("Line 4");
            assertThat(admin.locator(".alert-error")).containsText("Nothing was saved");
        }
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
