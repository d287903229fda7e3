package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.StartConversation;

/** An admin finds a customer on the privacy page, sees what is stored and erases it, confirming with ERASE. */
@TandemTest
class PrivacyPageBrowserTest {

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    StartConversation start;

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
    void anAdminErasesACustomerFromThePrivacyPageAndWordsTheAiDisclosure() {
        String email = TestAccounts.unique("ada") + "@example.com";
        start.start(new StartConversation.Command(new StartConversation.CustomerDetails("Ada", email, null),
                "Where is my order?", null, "widget", null, ConversationStatus.QUEUED));

        Page page = browser.newContext().newPage();
        page.navigate(url("/login"));
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill("admin-password-for-tests");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        page.navigate(url("/admin/privacy"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/privacy-empty.png"))
            .setFullPage(true));
        page.getByLabel("Email address or customer id").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();

        assertThat(page.locator("[data-found]")).containsText("1 customer record(s)");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download all data (JSON)")))
            .isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/privacy-found.png"))
            .setFullPage(true));

        page.getByLabel("Type ERASE to delete all of it").fill("ERASE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase this customer's data")).click();

        assertThat(page.locator("[data-erased]")).containsText("1 conversation(s)");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/privacy-erased.png"))
            .setFullPage(true));
        page.navigate(url("/admin/privacy?lookup=" + email));
        assertThat(page.locator("[data-not-found]")).isVisible();

        // the AI disclosure, per language, where the widget is set up
        page.navigate(url("/admin/widget"));
        page.getByLabel("Spanish").fill("Le atiende el asistente de IA de Northwind.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the disclosure")).click();
        assertThat(page.getByLabel("Spanish")).hasValue("Le atiende el asistente de IA de Northwind.");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/widget-disclosure.png"))
            .setFullPage(true));
        page.getByLabel("Spanish").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the disclosure")).click();
        assertThat(page.getByLabel("Spanish")).hasValue("");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
