package dev.tandem.channel;

import static dev.tandem.TestApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
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

        SseEvent opened = events.next(e -> true);
        assertThat(opened.name()).isEqualTo("status");
        assertThat(text(opened.json(), "status")).isEqualTo("QUEUED");

        agent.note(customer.id(), "SECRET internal note").expect(201);
        agent.reply(customer.id(), "Hi, I'm here!").expect(201);

        SseEvent assigned = events.next(e -> e.name().equals("status"));
        assertThat(text(assigned.json(), "status")).isEqualTo("ASSIGNED");
        SseEvent reply = events.next(e -> e.name().equals("message") && "AGENT".equals(text(e.json(), "author")));
        assertThat(text(reply.json(), "text")).isEqualTo("Hi, I'm here!");
        assertThat(text(reply.json(), "authorName")).isEqualTo(agent.user().displayName());
        assertThat(reply.id()).isEqualTo(text(reply.json(), "id"));

        agent.resolve(customer.id()).expect(200);
        SseEvent resolved = events.next(e -> e.name().equals("status") && "RESOLVED".equals(text(e.json(), "status")));
        assertThat(resolved).isNotNull();

        customer.post("Actually, one more thing").expect(201);
        SseEvent reopened = events.next(e -> e.name().equals("status") && "QUEUED".equals(text(e.json(), "status")));
        assertThat(reopened).isNotNull();
        SseEvent own = events.next(e -> e.name().equals("message") && "CUSTOMER".equals(text(e.json(), "author")));
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

        SseEvent reply = events.next(e -> e.name().equals("message") && "AGENT".equals(text(e.json(), "author")));
        assertThat(text(reply.json(), "text")).isEqualTo("Reply to you");
        assertThat(events.seen()).noneMatch(e -> e.data().contains("someone else"));
    }

    @Test
    void theHandoffNoticeArrivesLive() throws Exception {
        var customer = WidgetCustomer.start(api, "Get me a person");
        var events = open(customer);
        events.next(e -> e.name().equals("status"));

        customer.handoff().expect(200);

        SseEvent notice = events.next(e -> e.name().equals("message"));
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

    record SseEvent(String name, String id, String data) {

        JsonNode json() {
            return TestApi.JSON.readTree(data);
        }
    }

    /** Reads the stream on its own thread; events queue up until the test takes them. */
    final class Events {

        private final BlockingQueue<SseEvent> queue = new LinkedBlockingQueue<>();
        private final List<SseEvent> seen = new ArrayList<>();
        private final CountDownLatch ended = new CountDownLatch(1);

        Events(Stream<String> lines) {
            Thread reader = new Thread(() -> {
                String name = "message";
                String id = null;
                var data = new StringBuilder();
                try {
                    for (var iterator = lines.iterator(); iterator.hasNext();) {
                        String line = iterator.next();
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) {
                                queue.add(new SseEvent(name, id, data.toString()));
                            }
                            name = "message";
                            id = null;
                            data.setLength(0);
                        }
                        else if (line.startsWith("event:")) {
                            name = line.substring(6).trim();
                        }
                        else if (line.startsWith("id:")) {
                            id = line.substring(3).trim();
                        }
                        else if (line.startsWith("data:")) {
                            data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                        }
                    }
                }
                catch (RuntimeException closed) {
                    // the test closed the stream
                }
                finally {
                    ended.countDown();
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next event matching, skipping others; fails after ten seconds without one. */
        SseEvent next(Predicate<SseEvent> matching) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                SseEvent event = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    break;
                }
                seen.add(event);
                if (matching.test(event)) {
                    return event;
                }
            }
            throw new AssertionError("No matching event within 10 s; seen " + seen);
        }

        CountDownLatch ended() {
            return ended;
        }

        List<SseEvent> seen() {
            SseEvent event;
            while ((event = queue.poll()) != null) {
                seen.add(event);
            }
            return seen;
        }
    }

    private Events open(WidgetCustomer customer) throws Exception {
        var request = api.request(customer.path() + "/events?token=" + customer.token(), "Accept", "text/event-stream")
            .timeout(java.time.Duration.ofMinutes(2))
            .GET()
            .build();
        HttpResponse<Stream<String>> response = TestApi.client().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        openStreams.add(response.body());
        return new Events(response.body());
    }

}
