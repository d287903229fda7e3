package dev.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.channel.WidgetInboxes;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.identity.Role;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

/**
 * Outside business hours (no open days), in a real browser on the demo site: the customer asks for a
 * person, is told that nobody is online and sees the follow-up card under that notice; a malformed
 * address is refused in the browser, an error from the server is shown in the card, a good address
 * turns the card into "We'll reply to …", which a reload keeps; the agent sees the address in the
 * conversation's header. On a phone the card follows the customer's language (French here). Leaves
 * screenshots in target/screenshots.
 *
 * <p>The same properties as {@code AutoAssignApiTest}, so the two share one application context. The
 * demo page is served with the key of an inbox of this test's own team, whose agents are all offline
 * (agents of the other tests of that context are online in their own teams).
 */
@TandemTest
@TestPropertySource(properties = { "tandem.routing.auto-assign=true", "tandem.routing.business-hours.enabled=true",
        "tandem.routing.business-hours.days=" })
class WidgetFollowUpBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    WidgetInboxes inboxes;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    ConversationQueries conversations;

    String inboxKey;
    Team team;

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
    void anInboxOfItsOwnTeam() {
        team = new TestAccounts(userAccounts, teams).team("follow-up-browser");
        inboxes.primary(); // the first inbox is the primary one, which tests without an inbox key use: not ours
        inboxKey = inboxes.create(new WidgetInboxes.Settings("Northwind website", "Northwind Outfitters",
                "Hi there! Questions about an order, returns or gear? We're here to help.", "#2f6f4e", team.id())).key();
    }

    /** A browser context whose /demo page embeds this test's inbox. */
    private BrowserContext shop(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        String primary = inboxes.primary().key();
        context.route("**/demo", route -> {
            var page = route.fetch();
            route.fulfill(new Route.FulfillOptions().setResponse(page).setBody(page.text().replace(primary, inboxKey)));
        });
        return context;
    }

    /** Opens the chat, writes, asks for a person; returns the follow-up card once it is shown. */
    private Locator askForAPersonOutsideHours(Page page, String problem) {
        page.navigate(url("/demo"));
        page.locator("[data-testid=tandem-launcher]").click();
        page.locator("[data-testid=tandem-input]").fill(problem);
        page.locator("[data-testid=tandem-send]").click();
        assertThat(page.locator("[data-testid=tandem-message][data-author=CUSTOMER]")).containsText(problem);
        page.locator("[data-testid=tandem-handoff]").click();
        Locator card = page.locator("[data-testid=tandem-follow-up]");
        assertThat(card).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        return card;
    }

    @Test
    void aCustomerLeavesAnEmailOutsideBusinessHoursAndTheAgentSeesIt() throws Exception {
        try (BrowserContext context = shop(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
            Page page = context.newPage();
            Locator card = askForAPersonOutsideHours(page,
                    "My tent pole snapped on the first night, can someone help me with a replacement?");

            // under the notice that says nobody is online, which it belongs to
            Locator notice = page.locator("[data-testid=tandem-message][data-author=SYSTEM]")
                .filter(new Locator.FilterOptions().setHas(card));
            assertThat(notice).containsText("Nobody from our team is online right now");
            assertThat(page.locator("[data-testid=tandem-status]")).containsText("Our team is away right now");

            // a labelled email field, a Send button and where the reply goes
            Locator email = card.getByLabel("Your email address");
            assertThat(email).hasAttribute("type", "email");
            assertThat(email).hasAttribute("autocomplete", "email");
            Locator send = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send"));
            assertThat(send).isVisible();
            assertThat(card).containsText("We’ll reply to you by email as soon as we’re back.");

            // checked in the browser first: nothing is sent
            email.fill("maria@example");
            email.press("Enter");
            Locator error = card.getByRole(AriaRole.ALERT);
            assertThat(error).hasText("Please enter a valid email address, like name@example.com.");
            assertThat(email).hasAttribute("aria-invalid", "true");
            assertThat(email).hasAttribute("aria-describedby", Pattern.compile("\\btw-fu-error\\b"));
            assertThat(email).isFocused();
            email.fill("");
            assertThat(error).isHidden();
            send.click();
            assertThat(error).hasText("Please enter your email address.");

            // what the server says when it refuses is shown in the card
            page.route("**/follow-up", route -> route.fulfill(new Route.FulfillOptions().setStatus(400)
                .setContentType("application/problem+json")
                .setBody("{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"email is not accepted here\"}")));
            email.fill("maria.lopez@example.com");
            send.click();
            assertThat(error).hasText("email is not accepted here");
            page.unroute("**/follow-up");
            String id = conversationId(page);
            org.assertj.core.api.Assertions.assertThat(conversations.summary(java.util.UUID.fromString(id))
                .orElseThrow().followUpEmail()).as("nothing stored yet").isNull();

            email.fill("Maria.Lopez@example.com");
            assertThat(error).isHidden();
            screenshot(page, "widget-follow-up.png");

            // keyboard only: Enter sends, the confirmation takes the focus so a screen reader reads it
            email.press("Enter");
            Locator confirmation = card.locator("[data-testid=tandem-follow-up-confirmation]");
            assertThat(confirmation).hasText("We’ll reply to maria.lopez@example.com");
            assertThat(card.locator(".tw-fu-done")).isFocused();
            assertThat(email).isHidden();
            screenshot(page, "widget-follow-up-done.png");

            // the server knows: after a reload the card still says where the reply goes
            page.reload();
            assertThat(page.locator("[data-testid=tandem-follow-up-confirmation]"))
                .hasText("We’ll reply to maria.lopez@example.com", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
            assertThat(page.locator("[data-testid=tandem-follow-up-email]")).isHidden();

            // the agent sees it in the conversation's header
            UserSummary supervisor = new TestAccounts(userAccounts, teams).user("follow-up-sup", Set.of(Role.SUPERVISOR));
            try (BrowserContext agentContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
                Page agent = agentContext.newPage();
                agent.navigate(url("/login"));
                agent.getByLabel("User name").fill(supervisor.username());
                agent.getByLabel("Password").fill(TestAccounts.PASSWORD);
                agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                agent.waitForURL("**/inbox**");
                agent.navigate(url("/conversations/" + id));
                assertThat(agent.locator("[data-testid=follow-up-email]"))
                    .containsText("Wants the reply by email at maria.lopez@example.com");
                assertThat(agent.locator("[data-testid=follow-up-email] a"))
                    .hasAttribute("href", "mailto:maria.lopez@example.com");
                screenshot(agent, "workspace-follow-up.png");
            }
        }
    }

    @Test
    void onAPhoneTheCardSpeaksTheCustomersLanguage() throws Exception {
        var phone = new Browser.NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(2)
            .setIsMobile(true).setHasTouch(true);
        try (BrowserContext context = shop(phone)) {
            Page page = context.newPage();
            Locator card = askForAPersonOutsideHours(page,
                    "Bonjour, ma commande n'est jamais arrivée et je voudrais savoir où elle se trouve.");
            assertThat(page.locator("[data-testid=tandem-message][data-author=SYSTEM]")
                .filter(new Locator.FilterOptions().setHas(card)))
                .containsText("Personne de notre équipe n'est en ligne pour le moment");
            assertThat(card).hasAttribute("lang", "fr");
            Locator email = card.getByLabel("Votre adresse e-mail");
            Locator send = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Envoyer"));
            assertThat(card).containsText("Nous vous répondrons par e-mail dès notre retour.");
            // the card fits the phone's width: nothing sticks out of the chat
            double panelRight = box(page.locator("[data-testid=tandem-panel]")).right();
            org.assertj.core.api.Assertions.assertThat(box(send).right()).isLessThanOrEqualTo(panelRight);
            org.assertj.core.api.Assertions.assertThat(box(email).width()).isGreaterThan(150);

            email.fill("camille.martin@exemple.fr");
            card.locator("[data-testid=tandem-follow-up-email]").blur();
            screenshot(page, "widget-follow-up-mobile.png");
            send.tap();
            assertThat(card.locator("[data-testid=tandem-follow-up-confirmation]"))
                .hasText("Nous vous répondrons à camille.martin@exemple.fr");
            screenshot(page, "widget-follow-up-mobile-done.png");

            // the narrowest phones: the button goes under the field rather than squeezing it
            page.setViewportSize(320, 640);
            card.locator("[data-testid=tandem-follow-up-change]").click();
            assertThat(email).hasValue("camille.martin@exemple.fr");
            assertThat(email).isFocused();
            org.assertj.core.api.Assertions.assertThat(box(send).right())
                .isLessThanOrEqualTo(box(page.locator("[data-testid=tandem-panel]")).right());
            org.assertj.core.api.Assertions.assertThat(box(email).width()).isGreaterThan(200);
            screenshot(page, "widget-follow-up-320.png");
        }
    }

    private record Box(double x, double y, double width, double height) {

        double right() {
            return x + width;
        }
    }

    private static Box box(Locator locator) {
        var box = locator.boundingBox();
        return new Box(box.x, box.y, box.width, box.height);
    }

    private String conversationId(Page page) {
        return (String) page.evaluate("key => JSON.parse(localStorage.getItem('tandem:' + key)).id", inboxKey);
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
