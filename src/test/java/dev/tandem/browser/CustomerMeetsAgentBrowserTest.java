package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.TandemTest;
import dev.tandem.identity.Role;
import dev.tandem.identity.UserAccounts;

/**
 * The whole human loop in a real browser (Debian's Chromium): a customer on the demo site writes
 * and asks for a person; an agent who is already looking at the queue sees it arrive without
 * reloading, takes it and replies; the customer sees the reply arrive live.
 */
@TandemTest
class CustomerMeetsAgentBrowserTest {

    private static final String PASSWORD = "browser-test-password";

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

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
    void aCustomerAsksForAPersonAndAnAgentAnswersLive() {
        String agentName = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new UserAccounts.NewUser(agentName, "Riley Agent", null, PASSWORD, Set.of(Role.AGENT), Set.of(),
                Set.of("en"), Set.of(), 5), "test");
        String problem = "My tent pole snapped on the first night " + UUID.randomUUID().toString().substring(0, 6);

        Page agent = browser.newContext().newPage();
        agent.navigate(url("/login"));
        agent.getByLabel("User name").fill(agentName);
        agent.getByLabel("Password").fill(PASSWORD);
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        agent.navigate(url("/inbox?view=queued"));
        assertThat(agent.getByText(problem)).hasCount(0);

        Page customer = browser.newContext().newPage();
        customer.navigate(url("/demo"));
        customer.locator("[data-testid=tandem-launcher]").click();
        customer.locator("[data-testid=tandem-input]").fill(problem);
        customer.locator("[data-testid=tandem-send]").click();
        assertThat(customer.locator("[data-testid=tandem-message][data-author=CUSTOMER]")).containsText(problem);
        customer.locator("[data-testid=tandem-handoff]").click();
        assertThat(customer.locator("[data-testid=tandem-message][data-author=SYSTEM]").last())
            .containsText("member of our team");

        agent.getByText(problem).first().click();
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign to me")).click();
        String reply = "So sorry about that! A replacement pole is on its way today, free of charge.";
        agent.locator("textarea[name=text]").fill(reply);
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(customer.locator("[data-testid=tandem-message][data-author=AGENT]")).containsText(reply);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
