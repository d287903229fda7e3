package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import dev.tandem.TandemTest;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.RequestHandoff;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/**
 * The conversation summary in the workspace: an agent opens a conversation handed to a person, sees its summary
 * arrive in the customer panel and in the handoff box, edits it inline and sees the edit kept.
 */
@TandemTest
class SummaryBrowserTest {

    private static final String PASSWORD = "browser-test-password";

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    StartConversation start;

    @Autowired
    RequestHandoff handoff;

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
    void anAgentSeesTheSummaryOfAHandedOverConversationAndEditsIt() {
        String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new UserAccounts.NewUser(username, "Robin Lead", null, PASSWORD, Set.of(Role.SUPERVISOR),
                Set.of(), Set.of("en"), Set.of(), 5), "test");
        UUID conversation = start.start(new StartConversation.Command(
                new StartConversation.CustomerDetails("Liam O'Brien", "liam.obrien@example.com", null),
                "I was charged twice for order NW-20417 ($189.00 each time). I need one of them refunded please.", null,
                "widget", teams.create("Billing " + UUID.randomUUID().toString().substring(0, 6), "test").id(),
                ConversationStatus.QUEUED)).conversation().id();

        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000)).newPage();
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/inbox**");
        page.navigate(url("/conversations/" + conversation));
        page.locator("body.is-live").waitFor();
        handoff.request(conversation, "The customer asked to talk to a person.");

        // made off the request path: the open view gets it over the live stream
        var summary = page.locator("[data-testid=summary]");
        assertThat(summary.locator("[data-testid=summary-reason]")).containsText("charged twice for order NW-20417");
        assertThat(summary).containsText("$189.00");
        assertThat(summary.locator("[data-testid=summary-outcome]")).containsText("Handed over");
        assertThat(page.locator("[data-testid=handoff-summary]")).containsText("NW-20417");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/summary.png")));

        summary.locator("[data-testid=summary-edit]").click();
        var form = page.locator("[data-testid=summary-form]");
        form.getByLabel("Reason for contact").fill("Double charge on NW-20417; refund one $189.00 charge.");
        form.getByLabel("Follow-ups").fill("Refund one charge of $189.00.");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/summary-edit.png")));
        form.locator("[data-testid=summary-save]").click();

        assertThat(summary.locator("[data-testid=summary-reason]"))
            .hasText("Double charge on NW-20417; refund one $189.00 charge.");
        assertThat(summary).containsText("edited by Robin Lead");
        assertThat(summary).containsText("Refund one charge of $189.00.");
        page.reload();
        assertThat(page.locator("[data-testid=summary-reason]"))
            .hasText("Double charge on NW-20417; refund one $189.00 charge.");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
