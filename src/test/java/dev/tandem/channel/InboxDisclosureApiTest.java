package dev.tandem.channel;

import static dev.tandem.TestApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.conversation.AiDisclosure;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/** An admin words the AI disclosure of one widget inbox per language; agents cannot. */
@TandemTest
class InboxDisclosureApiTest {

    @LocalServerPort
    int port;

    @Autowired
    WidgetInboxes inboxes;

    @Autowired
    AiDisclosure disclosure;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Test
    void anInboxsOwnDisclosureOpensItsConversations() {
        var api = new TestApi(port);
        var admin = api.as("admin", "admin-password-for-tests");
        var inbox = inboxes.create(new WidgetInboxes.Settings(TestAccounts.unique("shop"), "Shop", "Hi!", "#2f6f4e", null));
        String path = "/api/admin/widget-inboxes/" + inbox.id() + "/ai-disclosure";

        var saved = admin.put(path, map("de", "Hier schreibt Ihnen die KI von Shop.", "fr", " ")).expect(200).json();
        assertThat(saved.get("de").asString()).isEqualTo("Hier schreibt Ihnen die KI von Shop.");
        assertThat(saved.has("fr")).as("a blank text falls back to the shipped one").isFalse();
        assertThat(admin.get(path).expect(200).json().get("de").asString()).startsWith("Hier schreibt");

        var customer = WidgetCustomer.start(api, map("inbox", inbox.key(), "message", "Hallo"));
        assertThat(disclosure.text("de", customer.id())).isEqualTo("Hier schreibt Ihnen die KI von Shop.");
        assertThat(disclosure.text("fr", customer.id())).isEqualTo(AiDisclosure.shipped("fr"));
        var other = WidgetCustomer.start(api, "Hallo");
        assertThat(disclosure.text("de", other.id())).isEqualTo(AiDisclosure.shipped("de"));

        assertThat(api.get("/api/widget/inboxes/" + inbox.key() + "?lang=de-AT").expect(200).json().get("aiDisclosure")
            .asString()).as("the widget shows the inbox's notice in the visitor's language")
            .isEqualTo("Hier schreibt Ihnen die KI von Shop.");
        assertThat(api.get("/api/widget/inboxes/" + inbox.key() + "?lang=fr").expect(200).json().get("aiDisclosure")
            .asString()).isEqualTo(AiDisclosure.shipped("fr"));
        assertThat(api.get("/api/widget/inboxes/" + inbox.key()).expect(200).json().get("aiDisclosure").asString())
            .isEqualTo(AiDisclosure.shipped("en"));

        admin.put(path, map("xx", "nope")).expectProblem(400);
        admin.put(path, map("en", "x".repeat(501))).expectProblem(400);
        var agent = new TestAccounts(userAccounts, teams).agent();
        api.as(agent.username(), TestAccounts.PASSWORD).put(path, map("en", "mine")).expectProblem(403);
    }

    @Test
    void anAdminWordsItOnTheWidgetPage() {
        var inbox = inboxes.create(new WidgetInboxes.Settings(TestAccounts.unique("page"), "Shop", "Hi!", "#2f6f4e", null));
        var page = dev.tandem.FormSession.signIn(port, "admin", "admin-password-for-tests");

        var shown = page.get("/admin/widget?inbox=" + inbox.id());
        assertThat(shown.body()).contains("What customers are told about the AI").contains(AiDisclosure.shipped("es"));

        var saved = page.submit("/admin/widget/" + inbox.id() + "/disclosure",
                java.util.Map.of("text_es", "Le atiende la IA de Shop.", "text_en", ""));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/widget?inbox=" + inbox.id()).body()).contains("Le atiende la IA de Shop.");
        var customer = WidgetCustomer.start(new TestApi(port), map("inbox", inbox.key(), "message", "Hola"));
        assertThat(disclosure.text("es", customer.id())).isEqualTo("Le atiende la IA de Shop.");

        var refused = page.submit("/admin/widget/" + inbox.id() + "/disclosure", java.util.Map.of("text_fr", "x".repeat(501)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("longer than 500 characters");
        assertThat(disclosure.text("es", customer.id())).as("nothing half-saved").isEqualTo("Le atiende la IA de Shop.");

        var agent = new TestAccounts(userAccounts, teams).agent();
        var agentsPage = dev.tandem.FormSession.signIn(port, agent.username(), TestAccounts.PASSWORD);
        assertThat(agentsPage.submit("/admin/widget/" + inbox.id() + "/disclosure", java.util.Map.of("text_en", "mine"))
            .statusCode()).isEqualTo(403);
    }
}
