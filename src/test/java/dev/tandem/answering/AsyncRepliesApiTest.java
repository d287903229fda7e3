package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.conversation.PostCustomerMessage;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * The customer's POST does not wait for the assistant: with no wait at all ({@code reply-wait=0}) it
 * answers with the stored message and {@code awaitingReply}, and the reply follows; a customer left
 * waiting by a node that stopped is told, in their language, and offered a person.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true",
        "tandem.answering.reply-wait=PT0S" })
class AsyncRepliesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    PostCustomerMessage postCustomerMessage;

    @Autowired
    StrandedTurns stranded;

    @Autowired
    AnsweringProperties properties;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @Test
    void thePostReturnsTheStoredMessageAndTheReplyFollows() {
        var customer = WidgetCustomer.start(api, "How do I reset my password?");
        assertThat(customer.started().get("status").asString()).isEqualTo("AI");
        awaitReplies(customer, 2);

        var posted = customer.post("And how long is the reset link valid?", "async-replies-1234567").expect(201).json();

        assertThat(posted.get("messages")).hasSize(1);
        assertThat(posted.get("messages").get(0).get("author").asString()).isEqualTo("CUSTOMER");
        assertThat(posted.get("awaitingReply").asBoolean()).isTrue();
        JsonNode view = awaitReplies(customer, 4);
        assertThat(authors(view)).containsExactly("CUSTOMER", "AI", "CUSTOMER", "AI");
        assertThat(view.get("awaitingReply").asBoolean()).isFalse();

        var retried = customer.post("And how long is the reset link valid?", "async-replies-1234567").expect(200).json();
        assertThat(authors(retried)).as("a retry answers with what followed the message").containsExactly("CUSTOMER", "AI");
        assertThat(retried.get("awaitingReply").asBoolean()).isFalse();
    }

    @Test
    void aCustomerStrandedByAStoppedNodeIsToldInTheirLanguageAndOfferedAPerson() {
        var customer = WidgetCustomer.start(api, "¿Cómo restablezco mi contraseña?");
        awaitReplies(customer, 2);
        // stored, but the node that took it stopped before the assistant's turn: no turn anywhere
        postCustomerMessage.post(customer.id(), "¿Y cuánto tiempo es válido el enlace?", null);
        assertThat(customer.view().get("awaitingReply").asBoolean()).isTrue();

        stranded.rescue(Instant.now().plus(properties.replyDeadline()).plus(StrandedTurns.GRACE).plusSeconds(1));

        JsonNode view = customer.view();
        assertThat(authors(view)).containsExactly("CUSTOMER", "AI", "CUSTOMER", "AI");
        assertThat(view.get("messages").get(3).get("text").asString()).contains("persona");
        assertThat(view.get("awaitingReply").asBoolean()).isFalse();

        customer.post("sí").expect(201);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!customer.view().get("status").asString().equals("QUEUED") && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(customer.view().get("status").asString()).as("a yes to the offer hands over").isEqualTo("QUEUED");
        awaitAllPublicationsCompleted(customer.id());
    }

    /**
     * What the conversation's turns set off (reading the messages, routing, the audit, the summary) completes too,
     * before this context pauses. Only this conversation's: in the PostgreSQL schema the test contexts share, other
     * contexts' publications wait for their own (paused) contexts.
     */
    private void awaitAllPublicationsCompleted(java.util.UUID conversationId) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> open = openPublications(conversationId);
        while (!open.isEmpty() && System.nanoTime() < until) {
            pause();
            open = openPublications(conversationId);
        }
        assertThat(open).as("publications not completed").isEmpty();
    }

    private List<String> openPublications(java.util.UUID conversationId) {
        return jdbc.sql("select listener_id || ' (' || coalesce(status, '?') || ')' from event_publication"
                + " where completion_date is null and serialized_event like ?")
            .param("%" + conversationId + "%")
            .query(String.class).list();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode awaitReplies(WidgetCustomer customer, int messages) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode view = customer.view();
        while (view.get("messages").size() < messages && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = customer.view();
        }
        return view;
    }

    private static List<String> authors(JsonNode conversation) {
        List<String> authors = new ArrayList<>();
        conversation.get("messages").forEach(m -> authors.add(m.get("author").asString()));
        return authors;
    }
}
