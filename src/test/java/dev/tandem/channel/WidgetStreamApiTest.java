package dev.tandem.channel;

import static dev.tandem.TestApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.Agent;
import dev.tandem.SseEvents;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/** The customer's live stream: server-sent events 'message' and 'status', never internal notes. */
@TandemTest
class WidgetStreamApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    WidgetStreams streams;

    TestApi api;
    TestAccounts accounts;
    final List<Stream> openStreams = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
    }

    @AfterEach
    void closeStreams() {
        openStreams.forEach(Stream::close);
    }

    @Test
    void deliversRepliesAndStatusChangesButNoInternalNotes() throws Exception {
        var customer = WidgetCustomer.start(api, "Is anyone there?");
        var agent = Agent.of(api, accounts.agent());
        var events = open(customer);

        SseEvents.Event opened = events.next(e -> true);
        assertThat(opened.name()).isEqualTo("status");
        assertThat(text(opened.json(), "status")).isEqualTo("QUEUED");

        agent.note(customer.id(), "SECRET internal note").expect(201);
        agent.reply(customer.id(), "Hi, I'm here!").expect(201);

        SseEvents.Event assigned = events.next(e -> e.name().equals("status"));
        assertThat(text(assigned.json(), "status")).isEqualTo("ASSIGNED");
        SseEvents.Event reply = events.next(e -> e.name().equals("message") && "AGENT".equals(text(e.json(), "author")));
        assertThat(text(reply.json(), "text")).isEqualTo("Hi, I'm here!");
        assertThat(text(reply.json(), "authorName")).isEqualTo(agent.user().displayName());
        assertThat(reply.id()).isEqualTo(text(reply.json(), "id"));

        agent.resolve(customer.id()).expect(200);
        SseEvents.Event resolved = events.next(e -> e.name().equals("status") && "RESOLVED".equals(text(e.json(), "status")));
        assertThat(resolved).isNotNull();

        customer.post("Actually, one more thing").expect(201);
        SseEvents.Event reopened = events.next(e -> e.name().equals("status") && "QUEUED".equals(text(e.json(), "status")));
        assertThat(reopened).isNotNull();
        SseEvents.Event own = events.next(e -> e.name().equals("message") && "CUSTOMER".equals(text(e.json(), "author")));
        assertThat(text(own.json(), "text")).isEqualTo("Actually, one more thing");

        assertThat(events.seen()).noneMatch(e -> e.data().contains("SECRET"));
        assertThat(events.seen()).noneMatch(e -> e.data().contains("\"internal\""));
    }

    @Test
    void eachStreamSeesOnlyItsOwnConversation() throws Exception {
        var mine = WidgetCustomer.start(api, "Mine");
        var theirs = WidgetCustomer.start(api, "Theirs");
        var agent = Agent.of(api, accounts.agent());
        var events = open(mine);
        events.next(e -> e.name().equals("status"));

        agent.reply(theirs.id(), "Reply to someone else").expect(201);
        agent.reply(mine.id(), "Reply to you").expect(201);

        SseEvents.Event reply = events.next(e -> e.name().equals("message") && "AGENT".equals(text(e.json(), "author")));
        assertThat(text(reply.json(), "text")).isEqualTo("Reply to you");
        assertThat(events.seen()).noneMatch(e -> e.data().contains("someone else"));
    }

    @Test
    void theHandoffNoticeArrivesLive() throws Exception {
        var customer = WidgetCustomer.start(api, "Get me a person");
        var events = open(customer);
        events.next(e -> e.name().equals("status"));

        customer.handoff().expect(200);

        SseEvents.Event notice = events.next(e -> e.name().equals("message"));
        assertThat(text(notice.json(), "author")).isEqualTo("SYSTEM");
    }

    @Test
    void aFollowUpEmailTellsTheWidgetToReadTheConversationAgainWithoutShowingTheNote() throws Exception {
        var customer = WidgetCustomer.start(api, "Write to me later please");
        var events = open(customer);
        events.next(e -> e.name().equals("status"));

        api.post(customer.path() + "/follow-up", Map.of("email", "later@example.com"), WidgetCustomer.TOKEN_HEADER,
                customer.token()).expect(200);

        assertThat(events.next(e -> e.name().equals("conversation"))).isNotNull();
        assertThat(customer.view().get("followUpEmail").asString()).isEqualTo("later@example.com");
        assertThat(events.seen()).noneMatch(e -> e.data().contains("follow-up by email"));
    }

    @Test
    void theStreamNeedsTheConversationsToken() {
        var customer = WidgetCustomer.start(api, "Hello");
        api.get(customer.path() + "/events?token=" + "z".repeat(43), "Accept", "text/event-stream").expectProblem(404);
        api.get(customer.path() + "/events", "Accept", "text/event-stream").expectProblem(401);
    }

    @Test
    void shuttingDownEndsTheStreamsSoThatGracefulShutdownNeedNotWaitForThem() throws Exception {
        var customer = WidgetCustomer.start(api, "Hello");
        var events = open(customer);
        events.next(e -> e.name().equals("status"));
        assertThat(streams.openStreams()).isPositive();

        streams.closeAll(); // what the ContextClosedEvent does, before the web server shuts down

        assertThat(events.ended().await(10, TimeUnit.SECONDS)).as("the server ended the stream").isTrue();
        assertThat(streams.openStreams()).isZero();
    }

    private SseEvents open(WidgetCustomer customer) throws Exception {
        var request = api.request(customer.path() + "/events?token=" + customer.token(), "Accept", "text/event-stream")
            .timeout(java.time.Duration.ofMinutes(2))
            .GET()
            .build();
        HttpResponse<Stream<String>> response = TestApi.client().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        openStreams.add(response.body());
        return new SseEvents(response.body());
    }

}
