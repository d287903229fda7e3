package dev.tandem.channel;

import static dev.tandem.TestApi.map;
import static dev.tandem.TestApi.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.audit.AuditLog;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/** The customer side of CONTRACT.md: the widget API's flows. */
@TandemTest
class WidgetApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    WidgetInboxes inboxes;

    @Autowired
    AuditLog audit;

    TestApi api;
    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
    }

    @Test
    void startsAConversationWithTheFirstCustomerMessage() {
        var response = api.post("/api/widget/conversations", map("message", "  Where is my order NW-1?  ",
                "customer", map("name", "Ada Lovelace", "email", TestAccounts.unique("ada") + "@example.com")))
            .expect(201);

        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(UUID.fromString(text(body, "id"))).isNotNull();
        assertThat(text(body, "token")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(text(body, "status")).isEqualTo("QUEUED");
        JsonNode messages = body.get("messages");
        assertThat(messages.size()).isEqualTo(1);
        JsonNode first = messages.get(0);
        assertThat(text(first, "author")).isEqualTo("CUSTOMER");
        assertThat(text(first, "text")).isEqualTo("Where is my order NW-1?");
        assertThat(UUID.fromString(text(first, "id"))).isNotNull();
        assertThat(Instant.parse(text(first, "createdAt"))).isBefore(Instant.now().plusSeconds(5));
        assertThat(first.get("citations").isArray()).isTrue();
        assertThat(first.has("internal")).as("the customer side has no notion of internal notes").isFalse();
    }

    @Test
    void eachConversationGetsItsOwnToken() {
        var one = WidgetCustomer.start(api, "First");
        var two = WidgetCustomer.start(api, "Second");
        assertThat(one.id()).isNotEqualTo(two.id());
        assertThat(one.token()).isNotEqualTo(two.token());
    }

    @Test
    void postsACustomerMessage() {
        var customer = WidgetCustomer.start(api, "Hello");

        var posted = customer.post("My parcel is late", "c-1").expect(201).json();

        assertThat(text(posted, "status")).isEqualTo("QUEUED");
        assertThat(posted.get("messages").size()).isEqualTo(1);
        JsonNode message = posted.get("messages").get(0);
        assertThat(text(message, "author")).isEqualTo("CUSTOMER");
        assertThat(text(message, "text")).isEqualTo("My parcel is late");
        assertThat(texts(customer.view())).containsExactly("Hello", "My parcel is late");
    }

    @Test
    void theSameClientMessageIdTwiceStoresOneMessage() {
        var customer = WidgetCustomer.start(api, "Hello");

        var first = customer.post("Are you there?", "retry-me").expect(201).json();
        var second = customer.post("Are you there?", "retry-me");

        assertThat(second.status()).as("a retry succeeds").isBetween(200, 201);
        assertThat(text(second.json().get("messages").get(0), "id"))
            .isEqualTo(text(first.get("messages").get(0), "id"));
        assertThat(texts(customer.view())).containsExactly("Hello", "Are you there?");
    }

    @Test
    void aClientMessageIdIsPerConversation() {
        var one = WidgetCustomer.start(api, "One");
        var two = WidgetCustomer.start(api, "Two");

        one.post("same id", "m-1").expect(201);
        two.post("same id", "m-1").expect(201);

        assertThat(texts(one.view())).containsExactly("One", "same id");
        assertThat(texts(two.view())).containsExactly("Two", "same id");
    }

    @Test
    void theCustomerSeesAgentRepliesButNeverInternalNotes() {
        var customer = WidgetCustomer.start(api, "Can I return boots?");
        var agent = Agent.of(api, accounts.agent());

        agent.note(customer.id(), "INTERNAL: customer bought them 70 days ago").expect(201);
        agent.reply(customer.id(), "Yes, within 60 days.").expect(201);

        JsonNode view = customer.view();
        assertThat(text(view, "status")).isEqualTo("ASSIGNED");
        assertThat(view.toString()).doesNotContain("INTERNAL").doesNotContain("\"internal\"");
        List<String> authors = new ArrayList<>();
        view.get("messages").forEach(m -> authors.add(text(m, "author")));
        assertThat(authors).containsExactly("CUSTOMER", "SYSTEM", "AGENT");
        JsonNode reply = view.get("messages").get(2);
        assertThat(text(reply, "text")).isEqualTo("Yes, within 60 days.");
        assertThat(text(reply, "authorName")).isEqualTo(agent.user().displayName());
    }

    @Test
    void askingForAPersonPostsOneNoticeHoweverOftenItIsAsked() {
        var customer = WidgetCustomer.start(api, "I want a human");

        var first = customer.handoff().expect(200).json();
        assertThat(text(first, "status")).isEqualTo("QUEUED");
        assertThat(first.get("messages").size()).isEqualTo(1);
        assertThat(text(first.get("messages").get(0), "author")).isEqualTo("SYSTEM");

        var again = customer.handoff().expect(200).json();
        assertThat(text(again, "status")).isEqualTo("QUEUED");
        assertThat(again.get("messages").size()).isZero();

        // routing's wait notice ("… usually replies within …") follows on its own after the commit, whenever
        // its listener gets there: count the handoff's notice itself
        String notice = text(first.get("messages").get(0), "text");
        JsonNode view = customer.view();
        assertThat(view.get("messages").findValuesAsString("text").stream().filter(notice::equals).count())
            .isEqualTo(1);
    }

    @Test
    void aResolvedConversationReopensWhenTheCustomerWritesAgain() {
        var customer = WidgetCustomer.start(api, "Thanks for the help");
        var agent = Agent.of(api, accounts.agent());
        agent.reply(customer.id(), "You're welcome!").expect(201);
        agent.resolve(customer.id()).expect(200);
        assertThat(text(customer.view(), "status")).isEqualTo("RESOLVED");

        var posted = customer.post("One more question", "after-resolve").expect(201).json();

        assertThat(text(posted, "status")).isEqualTo("QUEUED");
        JsonNode seenByAgents = agent.conversation(customer.id());
        assertThat(text(seenByAgents, "status")).isEqualTo("QUEUED");
        assertThat(seenByAgents.get("assigneeId").isNull()).isTrue();
        assertThat(seenByAgents.get("resolvedAt").isNull()).isTrue();
        JsonNode queue = agent.list("status=QUEUED&limit=200").expect(200).json();
        List<String> queued = new ArrayList<>();
        queue.get("items").forEach(c -> queued.add(text(c, "id")));
        assertThat(queued).contains(customer.id().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit
            .find(new AuditLog.Query("customer", "CONVERSATION_REOPENED", 500, 0)))
            .anySatisfy(entry -> assertThat(entry.targetId()).isEqualTo(customer.id().toString())));
    }

    @Test
    void conversationsFromATeamsInboxGoToThatTeam() {
        var team = accounts.team("widget-team");
        var inbox = inboxes.create(new WidgetInboxes.Settings("Shop", "Shop Ltd", "Hello!", "#123abc", team.id()));
        var customer = WidgetCustomer.start(api, Map.of("inbox", inbox.key(), "message", "Hi shop"));

        var agent = Agent.of(api, accounts.agent(team));
        assertThat(text(agent.conversation(customer.id()), "teamId")).isEqualTo(team.id().toString());
    }

    @Test
    void servesTheLookOfAnInbox() {
        var inbox = inboxes.create(new WidgetInboxes.Settings("Site", "Acme Outfitters", "Hi, how can we help?",
                "#2F6F4E", null));

        var view = api.get("/api/widget/inboxes/" + inbox.key()).expect(200).json();

        assertThat(text(view, "key")).isEqualTo(inbox.key());
        assertThat(text(view, "companyName")).isEqualTo("Acme Outfitters");
        assertThat(text(view, "greeting")).isEqualTo("Hi, how can we help?");
        assertThat(text(view, "color")).isEqualTo("#2f6f4e");

        api.get("/api/widget/inboxes/wk_doesnotexist").expectProblem(404);
    }

    @Test
    void startingInAnUnknownInboxIsRefused() {
        api.post("/api/widget/conversations", Map.of("inbox", "wk_nope", "message", "Hi")).expectProblem(400);
    }

    @Test
    void allowsCrossOriginCallsFromTheSitesTheWidgetIsEmbeddedIn() {
        var preflight = api.options("/api/widget/conversations", "Origin", "https://shop.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
                "content-type,x-conversation-token");

        assertThat(preflight.status()).isBetween(200, 204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("x-conversation-token");

        var actual = api.post("/api/widget/conversations", Map.of("message", "from another site"), "Origin",
                "https://shop.example").expect(201);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("Retry-After");
    }

    @Test
    void theAgentApiIsNotOpenToOtherOrigins() {
        var preflight = api.options("/api/conversations", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    static List<String> texts(JsonNode conversation) {
        List<String> texts = new ArrayList<>();
        conversation.get("messages").forEach(m -> texts.add(text(m, "text")));
        return texts;
    }
}
