package dev.tandem.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/**
 * The follow-up by email from the widget's side, with business hours that are never open: the "nobody is
 * online" notice says it offers the form (kind and language), and {@code POST .../follow-up} takes an
 * address once, refuses a malformed one at the edge without storing anything, and is rate-limited like
 * messages. The same properties as {@code AutoAssignApiTest}, so both share one application context.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.routing.auto-assign=true", "tandem.routing.business-hours.enabled=true",
        "tandem.routing.business-hours.days=" })
class WidgetFollowUpApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    WidgetInboxes inboxes;

    TestApi api;
    Agent supervisor;
    String inbox;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        var accounts = new TestAccounts(userAccounts, teams);
        Team team = accounts.team("follow-up");
        inboxes.primary(); // the first inbox is the primary one, which tests without an inbox key use: not ours
        inbox = inboxes.create(new WidgetInboxes.Settings("Follow-up", "Shop", "Hi", "#123456", team.id())).key();
        supervisor = Agent.of(api, accounts.supervisor());
    }

    /** A customer who asked for a person and was told that nobody is online; returns the notice. */
    private JsonNode waitingOutsideHours(WidgetCustomer customer) {
        customer.handoff().expect(200);
        ApiCaller.eventually("the closed notice", () -> offer(customer) != null);
        return offer(customer);
    }

    private static JsonNode offer(WidgetCustomer customer) {
        for (JsonNode message : customer.view().get("messages")) {
            if ("FOLLOW_UP_OFFER".equals(message.get("kind").asString())) {
                return message;
            }
        }
        return null;
    }

    private WidgetCustomer customer(String text) {
        return WidgetCustomer.start(api, Map.of("inbox", inbox, "message", text));
    }

    private TestApi.Response followUp(WidgetCustomer customer, Object email) {
        return api.post(customer.path() + "/follow-up", email == null ? Map.of() : Map.of("email", email),
                WidgetCustomer.TOKEN_HEADER, customer.token());
    }

    private long notes(WidgetCustomer customer) {
        return supervisor.conversation(customer.id()).get("messages").findValuesAsString("text").stream()
            .filter(t -> t.startsWith("The customer asked for a follow-up by email")).count();
    }

    @Test
    void theClosedNoticeOffersTheFormInTheCustomersLanguage() {
        var english = customer("My jacket zip broke after two days and I would like a replacement");
        JsonNode notice = waitingOutsideHours(english);
        assertThat(notice.get("author").asString()).isEqualTo("SYSTEM");
        assertThat(notice.get("text").asString()).startsWith("Nobody from our team is online right now");
        assertThat(notice.get("language").asString()).isEqualTo("en");
        assertThat(english.view().get("followUpEmail").isNull()).isTrue();
        // every other message is plain
        assertThat(english.view().get("messages").findValuesAsString("kind")).containsOnly("PLAIN", "FOLLOW_UP_OFFER");

        var spanish = customer("Hola, mi pedido no ha llegado todavía y necesito ayuda con la entrega");
        JsonNode aviso = waitingOutsideHours(spanish);
        assertThat(aviso.get("language").asString()).isEqualTo("es");
        assertThat(aviso.get("text").asString()).startsWith("Ahora mismo no hay nadie de nuestro equipo conectado");
    }

    @Test
    void aValidAddressIsStoredOnceAndShownToTheCustomerAndTheAgents() {
        var customer = customer("My tent pole snapped on the first night");
        waitingOutsideHours(customer);

        var accepted = followUp(customer, " Maria.Lopez@Example.com ").expect(200).json();
        assertThat(accepted.get("email").asString()).isEqualTo("maria.lopez@example.com");

        // the widget reads it back after a reload; the agents see it on the conversation and the customer
        assertThat(customer.view().get("followUpEmail").asString()).isEqualTo("maria.lopez@example.com");
        JsonNode forAgents = supervisor.conversation(customer.id());
        assertThat(forAgents.get("followUpEmail").asString()).isEqualTo("maria.lopez@example.com");
        assertThat(forAgents.get("customer").get("email").asString()).isEqualTo("maria.lopez@example.com");
        assertThat(notes(customer)).isEqualTo(1);
        assertThat(customer.view().get("messages").findValuesAsString("text"))
            .noneMatch(t -> t.contains("follow-up by email"));
    }

    @Test
    void sendingTheSameAddressAgainChangesNothingAndANewAddressReplacesIt() {
        var customer = customer("Where is my order NW-10482?");
        waitingOutsideHours(customer);

        followUp(customer, "sam@example.com").expect(200);
        var again = followUp(customer, "SAM@example.com").expect(200).json(); // a retry, or a second tab
        assertThat(again.get("email").asString()).isEqualTo("sam@example.com");
        assertThat(notes(customer)).isEqualTo(1);

        followUp(customer, "sam.work@example.com").expect(200);
        assertThat(customer.view().get("followUpEmail").asString()).isEqualTo("sam.work@example.com");
        assertThat(notes(customer)).isEqualTo(2);
    }

    @Test
    void aMalformedAddressIsRefusedWithAUsefulDetailAndNothingIsStored() {
        var customer = customer("Please get back to me about my refund");
        waitingOutsideHours(customer);

        var malformed = followUp(customer, "maria at example dot com").expectProblem(400);
        assertThat(malformed.detail()).contains("email").contains("name@example.com");
        assertThat(followUp(customer, "maria@example").expectProblem(400).detail()).contains("email");
        assertThat(followUp(customer, "two words@example.com").expectProblem(400).detail()).contains("email");
        assertThat(followUp(customer, "  ").expectProblem(400).detail()).isEqualTo("email is required: the address to send the reply to");
        assertThat(followUp(customer, null).expectProblem(400).detail()).contains("email is required");
        assertThat(followUp(customer, "a".repeat(320) + "@example.com").expectProblem(400).detail())
            .contains("at most 320 characters");
        assertThat(followUp(customer, 42).expectProblem(400).detail()).contains("email");
        api.postRaw(customer.path() + "/follow-up", "application/json", "{\"email\":", WidgetCustomer.TOKEN_HEADER,
                customer.token()).expectProblem(400);

        assertThat(customer.view().get("followUpEmail").isNull()).isTrue();
        JsonNode forAgents = supervisor.conversation(customer.id());
        assertThat(forAgents.get("followUpEmail").isNull()).isTrue();
        assertThat(forAgents.get("customer").get("email").isNull()).isTrue();
        assertThat(notes(customer)).isZero();
    }

    @Test
    void onlyTheConversationsTokenMayLeaveAnAddress() {
        var customer = customer("Hello?");
        var other = customer("Someone else");
        api.post(customer.path() + "/follow-up", Map.of("email", "a@b.co"), WidgetCustomer.TOKEN_HEADER, other.token())
            .expectProblem(404);
        api.post(customer.path() + "/follow-up", Map.of("email", "a@b.co")).expectProblem(401);
        assertThat(customer.view().get("followUpEmail").isNull()).isTrue();
    }

    @Test
    void theOpenApiDocumentDescribesTheOfferAndTheFollowUp() {
        JsonNode document = api.get("/v3/api-docs").expect(200).json();
        assertThat(document.get("paths").has("/api/widget/conversations/{id}/follow-up")).isTrue();
        JsonNode schemas = document.get("components").get("schemas");
        JsonNode kind = schemas.get("WidgetMessage").get("properties").get("kind");
        assertThat(kind.toString()).contains("FOLLOW_UP_OFFER").contains("email form");
        assertThat(schemas.get("WidgetMessage").get("properties").has("language")).isTrue();
        assertThat(schemas.get("ConversationView").get("properties").get("followUpEmail").toString())
            .contains("answered by email");
        JsonNode email = schemas.get("FollowUp").get("properties").get("email");
        assertThat(email.get("maxLength").asInt()).isEqualTo(320);
        assertThat(email.has("pattern")).isTrue();
    }

    @Test
    void repeatedCallsAreRateLimitedLikeMessages() {
        var customer = customer("Hi there");
        TestApi.Response refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            var response = followUp(customer, "same@example.com");
            if (response.status() == 429) {
                refused = response;
            }
            else {
                response.expect(200);
            }
        }
        assertThat(refused).as("a 429 within 200 calls").isNotNull();
        refused.expectProblem(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(notes(customer)).isEqualTo(1);
    }
}
