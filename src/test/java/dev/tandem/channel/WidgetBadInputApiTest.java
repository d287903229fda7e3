package dev.tandem.channel;

import static dev.tandem.TestApi.map;
import static dev.tandem.TestApi.text;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/** What the widget API answers to bad input: always problem+json, never internals. */
@TandemTest
class WidgetBadInputApiTest {

    static final String START = "/api/widget/conversations";
    static final String EMOJI = "\uD83D\uDE00"; // 😀, two UTF-16 chars, one code point

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void malformedJson() {
        var started = api.postRaw(START, "application/json", "{\"message\": \"hi\"").expectProblem(400);
        assertThat(started.detail()).contains("JSON").doesNotContain("Source");

        var customer = WidgetCustomer.start(api, "Hello");
        api.postRaw(customer.path() + "/messages", "application/json", "{text: hello}",
                WidgetCustomer.TOKEN_HEADER, customer.token()).expectProblem(400);
    }

    @Test
    void jsonOfTheWrongShape() {
        api.postRaw(START, "application/json", "\"just a string\"").expectProblem(400);
        api.postRaw(START, "application/json", "[1, 2]").expectProblem(400);
        api.post(START, map("message", map("nested", true))).expectProblem(400);
        var customerAsText = api.post(START, map("message", "hi", "customer", "not an object")).expectProblem(400);
        assertThat(customerAsText.detail()).contains("'customer'");

        var customer = WidgetCustomer.start(api, "Hello");
        var textAsArray = api.post(customer.path() + "/messages", map("text", new int[] { 1, 2 }),
                WidgetCustomer.TOKEN_HEADER, customer.token()).expectProblem(400);
        assertThat(textAsArray.detail()).contains("'text'");
    }

    @Test
    void emptyBodyAndWrongContentType() {
        api.postRaw(START, "application/json", "").expectProblem(400);
        api.postRaw(START, "text/plain", "hello").expectProblem(415);
        var customer = WidgetCustomer.start(api, "Hello");
        api.postRaw(customer.path() + "/messages", "application/json", "", WidgetCustomer.TOKEN_HEADER,
                customer.token()).expectProblem(400);
    }

    @Test
    void missingFields() {
        var noMessage = api.post(START, map("customer", map("name", "Ada"))).expectProblem(400);
        assertThat(noMessage.detail()).contains("message");

        var customer = WidgetCustomer.start(api, "Hello");
        var noText = api.post(customer.path() + "/messages", map("clientMessageId", "x"),
                WidgetCustomer.TOKEN_HEADER, customer.token()).expectProblem(400);
        assertThat(noText.detail()).contains("text");
        api.post(customer.path() + "/messages", Map.of(), WidgetCustomer.TOKEN_HEADER, customer.token())
            .expectProblem(400);
    }

    @Test
    void blankText() {
        api.post(START, map("message", "   \n\t ")).expectProblem(400);
        var customer = WidgetCustomer.start(api, "Hello");
        customer.post("   ").expectProblem(400);
        customer.post("").expectProblem(400);
        assertThat(customer.view().get("messages").size()).isEqualTo(1);
    }

    @Test
    void textOfAtMost4000Characters() {
        String max = "a".repeat(4000);
        String tooLong = "a".repeat(4001);

        var started = api.post(START, map("message", max)).expect(201).json();
        assertThat(text(started.get("messages").get(0), "text")).isEqualTo(max);
        var refused = api.post(START, map("message", tooLong)).expectProblem(413);
        assertThat(refused.detail()).contains("4000");

        var customer = WidgetCustomer.start(api, "Hello");
        customer.post(max).expect(201);
        customer.post(tooLong).expectProblem(413);
        customer.post("  " + max + "  ").expect(201); // surrounding white space does not count
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        String max = EMOJI.repeat(4000);
        String tooLong = EMOJI.repeat(4001);

        var started = api.post(START, map("message", max)).expect(201).json();
        assertThat(text(started.get("messages").get(0), "text")).isEqualTo(max);
        api.post(START, map("message", tooLong)).expectProblem(413);

        var customer = WidgetCustomer.start(api, "Hello");
        customer.post(max).expect(201);
        customer.post(tooLong).expectProblem(413);
        var stored = customer.view().get("messages");
        assertThat(text(stored.get(stored.size() - 1), "text")).isEqualTo(max);
    }

    @Test
    void longEmojiMessagesStayReadableForAgents() {
        // subjects and previews are cut from the text; cutting inside a surrogate pair broke them
        String emojis = EMOJI.repeat(300);
        var customer = WidgetCustomer.start(api, emojis);
        customer.post("x" + emojis).expect(201);
        var agent = Agent.of(api, new TestAccounts(userAccounts, teams).supervisor());

        JsonNode conversation = agent.conversation(customer.id());
        String subject = text(conversation, "subject");
        String preview = text(conversation, "lastPreview");
        assertThat(subject).endsWith("…").startsWith(EMOJI.repeat(10));
        assertThat(subject.substring(0, subject.length() - 1).replace(EMOJI, "")).isEmpty();
        assertThat(preview).startsWith("x" + EMOJI).endsWith("…");
        assertThat(preview.substring(1, preview.length() - 1).replace(EMOJI, "")).isEmpty();
        agent.list("status=QUEUED&limit=200").expect(200);
    }

    @Test
    void textThatNoDatabaseCanStoreIsRefusedTheSameWayOnAll() {
        // PostgreSQL cannot store NUL characters and replaces unpaired surrogates; H2 stores both
        String nul = "{\"message\": \"before\\u0000after\"}";
        api.postRaw(START, "application/json", nul).expectProblem(400);
        String loneSurrogate = "{\"message\": \"broken \\ud83d emoji\"}";
        api.postRaw(START, "application/json", loneSurrogate).expectProblem(400);
        api.postRaw(START, "application/json", "{\"message\": \"hi\", \"customer\": {\"name\": \"A\\u0000B\"}}")
            .expectProblem(400);
        api.postRaw(START, "application/json", "{\"message\": \"hi\", \"clientMessageId\": \"a\\u0000\"}")
            .expectProblem(400);

        var customer = WidgetCustomer.start(api, "Hello");
        api.postRaw(customer.path() + "/messages", "application/json", "{\"text\": \"x\\u0000y\"}",
                WidgetCustomer.TOKEN_HEADER, customer.token()).expectProblem(400);
        api.postRaw(customer.path() + "/messages", "application/json", "{\"text\": \"x\\udc00y\"}",
                WidgetCustomer.TOKEN_HEADER, customer.token()).expectProblem(400);
        customer.post("tabs\tand\nnew lines\r\nare fine " + EMOJI).expect(201);
        assertThat(customer.view().get("messages").size()).isEqualTo(2);
    }

    @Test
    void aHugeBodyIsRefusedCleanly() {
        var customer = WidgetCustomer.start(api, "Hello");
        customer.post("x".repeat(1_000_000)).expectProblem(413);
    }

    @Test
    void unknownAndMalformedConversationIds() {
        var customer = WidgetCustomer.start(api, "Hello");
        String unknown = "/api/widget/conversations/" + UUID.randomUUID();

        var notFound = api.get(unknown, WidgetCustomer.TOKEN_HEADER, customer.token()).expectProblem(404);
        api.post(unknown + "/messages", map("text", "hi"), WidgetCustomer.TOKEN_HEADER, customer.token())
            .expectProblem(404);
        api.post(unknown + "/handoff", null, WidgetCustomer.TOKEN_HEADER, customer.token()).expectProblem(404);

        var malformed = api.get("/api/widget/conversations/not-a-uuid", WidgetCustomer.TOKEN_HEADER,
                customer.token()).expectProblem(400);
        assertThat(malformed.detail()).doesNotContain("UUID.fromString");
        api.post("/api/widget/conversations/12345/messages", map("text", "hi"), WidgetCustomer.TOKEN_HEADER,
                customer.token()).expectProblem(400);
        assertThat(notFound.detail()).doesNotContain(customer.token());
    }

    @Test
    void theTokenAuthorisesTheCustomer() {
        var customer = WidgetCustomer.start(api, "Hello");
        var other = WidgetCustomer.start(api, "Someone else");

        api.get(customer.path()).expectProblem(401);
        api.post(customer.path() + "/messages", map("text", "hi")).expectProblem(401);
        api.post(customer.path() + "/handoff", null).expectProblem(401);
        api.get(customer.path(), WidgetCustomer.TOKEN_HEADER, "   ").expectProblem(401);

        var wrong = api.get(customer.path(), WidgetCustomer.TOKEN_HEADER, "x".repeat(43)).expectProblem(404);
        var unknownId = api.get("/api/widget/conversations/" + UUID.randomUUID(), WidgetCustomer.TOKEN_HEADER,
                customer.token()).expectProblem(404);
        assertThat(wrong.detail()).as("a wrong token answers like an unknown id").isEqualTo(unknownId.detail());

        api.get(customer.path(), WidgetCustomer.TOKEN_HEADER, other.token()).expectProblem(404);
        api.post(customer.path() + "/messages", map("text", "sneaky"), WidgetCustomer.TOKEN_HEADER, other.token())
            .expectProblem(404);
        api.post(customer.path() + "/handoff", null, WidgetCustomer.TOKEN_HEADER, other.token()).expectProblem(404);
        api.get(customer.path() + "/events?token=" + other.token()).expectProblem(404);
        api.get(customer.path() + "/events").expectProblem(401);

        assertThat(customer.view().get("messages").size()).isEqualTo(1);
    }

    @Test
    void invalidCustomerDetails() {
        var email = api.post(START, map("message", "hi", "customer", map("email", "not-an-email"))).expectProblem(400);
        assertThat(email.detail()).contains("email");
        api.post(START, map("message", "hi", "customer", map("name", "n".repeat(201)))).expectProblem(400);
        api.post(START, map("message", "hi", "clientMessageId", "c".repeat(101))).expectProblem(400);
        var customer = WidgetCustomer.start(api, "Hello");
        customer.post("hi", "c".repeat(101)).expectProblem(400);
    }

    @Test
    void unknownPathsAndMethods() {
        api.get("/api/widget/nothing-here").expectProblem(404);
        api.get(START).expectProblem(405);
    }

    @Test
    void tooManyMessagesInOneConversationAreRefusedWithRetryAfter() {
        // from the page the widget is embedded in, which must be able to read Retry-After
        var customer = WidgetCustomer.start(api.withHeader("Origin", "https://shop.example"), "Hello");
        TestApi.Response refused = null;
        int accepted = 0;
        for (int i = 0; i < 200 && refused == null; i++) {
            var response = customer.post("message " + i);
            if (response.status() == 429) {
                refused = response;
            }
            else {
                response.expect(201);
                accepted++;
            }
        }

        assertThat(refused).as("a 429 within 200 messages").isNotNull();
        refused.expectProblem(429);
        assertThat(accepted).as("the burst of 30 passes").isGreaterThanOrEqualTo(30);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(refused.header("Access-Control-Expose-Headers")).contains("Retry-After");
        assertThat(customer.view().get("messages").size()).isEqualTo(accepted + 1);

        var another = WidgetCustomer.start(api, "Unrelated");
        another.post("still fine").expect(201); // the limit is per conversation
    }

    @Test
    void errorsOfTheLiveStreamAreProblemsToo() {
        var customer = WidgetCustomer.start(api, "Hello");
        var wrong = api.get(customer.path() + "/events?token=wrong-token", "Accept", "text/event-stream");
        assertThat(wrong.status()).isEqualTo(404);
        TestApi.assertNoInternals(wrong.body());
    }
}
