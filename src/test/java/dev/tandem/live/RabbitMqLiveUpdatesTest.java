package dev.tandem.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.TandemTest;
import dev.tandem.identity.CurrentUsers;
import dev.tandem.conversation.PostAgentMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code tandem.cluster.live-updates=rabbitmq} there is no in-process path: a customer sees
 * an agent's reply on their stream only if the activity went through the broker and came back.
 */
@TandemTest
@TestPropertySource(properties = "tandem.cluster.live-updates=rabbitmq")
class RabbitMqLiveUpdatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    PostAgentMessage agentMessage;

    @Autowired
    CurrentUsers currentUsers;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @BeforeAll
    static void rabbitMqRuns() {
        boolean reachable;
        try (var socket = new Socket("127.0.0.1", 5672)) {
            reachable = true;
        }
        catch (Exception e) {
            reachable = false;
        }
        if (!reachable && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("RabbitMQ at 127.0.0.1:5672 is required in CI");
        }
        assumeTrue(reachable, "RabbitMQ is not running on this machine");
    }

    @Test
    void anAgentReplyReachesTheCustomerStreamThroughTheBroker() throws Exception {
        var http = HttpClient.newHttpClient();
        var started = JSON.readTree(http.send(HttpRequest.newBuilder(uri("/api/widget/conversations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Is my parcel lost?\"}"))
            .build(), HttpResponse.BodyHandlers.ofString()).body());
        String id = started.get("id").asString();
        String token = started.get("token").asString();

        var stream = http.send(HttpRequest.newBuilder(uri("/api/widget/conversations/" + id + "/events?token=" + token))
            .build(), HttpResponse.BodyHandlers.ofInputStream());
        var reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).isEqualTo("event:status");

        CompletableFuture<JsonNode> reply = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                boolean messageEvent = false;
                while ((line = reader.readLine()) != null) {
                    if (line.equals("event:message")) {
                        messageEvent = true;
                    }
                    else if (messageEvent && line.startsWith("data:")) {
                        JsonNode message = JSON.readTree(line.substring(5));
                        if ("AGENT".equals(message.get("author").asString())) {
                            return message;
                        }
                        messageEvent = false;
                    }
                }
                return null;
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var admin = currentUsers.byUsername("admin").orElseThrow();
        agentMessage.post(admin, java.util.UUID.fromString(id), "Let me check that for you.", false);

        try {
            JsonNode message = reply.get(10, TimeUnit.SECONDS);
            assertThat(message.get("text").asString()).isEqualTo("Let me check that for you.");
        }
        finally {
            stream.body().close();
        }
    }

    @Test
    void theAssistantsReplyInProgressReachesTheCustomerStreamThroughTheBroker() throws Exception {
        var customer = dev.tandem.WidgetCustomer.start(new dev.tandem.TestApi(port), "How do I reset my password?");
        var question = java.util.UUID.fromString(customer.started().get("messages").get(0).get("id").asString());
        var events = customer.events();
        events.next(e -> e.name().equals("status"));

        // as the assistant's turn publishes it, on whichever node runs the turn: nothing stored, nothing in-process
        this.events.publishEvent(new dev.tandem.answering.ReplyInProgress(customer.id(), null, question,
                "Select Forgot password? on the sign-in page."));

        var reply = events.next(e -> e.name().equals("reply")).json();
        assertThat(reply.get("inReplyTo").asString()).isEqualTo(question.toString());
        assertThat(reply.get("text").asString()).isEqualTo("Select Forgot password? on the sign-in page.");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

}
