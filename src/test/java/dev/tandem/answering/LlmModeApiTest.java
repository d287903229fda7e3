package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tandem.OpenAiCompatibleServer;
import dev.tandem.SseEvents;
import dev.tandem.TandemTest;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * LLM mode end to end, against an OpenAI-compatible server running inside the test: a grounded
 * rewrite reaches the customer, an answer with an invented sentence never does (the quoted answer
 * goes out instead), and a model that does not answer in time costs the customer nothing but the
 * wait. The reply is streamed: the customer's live stream shows it sentence by sentence, each checked,
 * and then the posted reply; a sentence that fails the check, or a model that stalls, ends the stream
 * and the quoted answer is posted.
 */
@TandemTest
class LlmModeApiTest {

    static final OpenAiCompatibleServer MODEL = OpenAiCompatibleServer.start();

    /** Four sentences of the article "Reset your password", as a model would cite them. */
    static final String FIRST = "If you've forgotten your password, you can set a new one yourself in a couple of minutes [1].";
    static final String SECOND = "Select Forgot password? on the sign-in page and we'll email you a reset link [1].";
    static final String THIRD = "The link is valid for 60 minutes and can only be used once [1].";
    static final String FOURTH = "Resetting your password also unlocks your account if it was locked after too many "
            + "sign-in attempts [1].";

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("tandem.answering.enabled", () -> "true");
        registry.add("tandem.ai.chat.base-url", MODEL::baseUrl);
        registry.add("tandem.ai.chat.model", () -> "test-model");
        registry.add("tandem.ai.chat.timeout", () -> "2s");
        // below the test client's 30 s: a POST that returns at the first sentence shown returns long before; on a
        // machine so busy that the first sentence takes longer, it returns awaitingReply all the same
        registry.add("tandem.answering.reply-wait", () -> "PT10S");
    }

    @LocalServerPort
    int port;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    KnowledgeSearch knowledge;

    TestApi api;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new TestApi(port);
        MODEL.reset();
        MODEL.replyWith(LlmAnswers.NO_ANSWER);
        if (knowledge.search("reset password", "en", Audience.CUSTOMER, 1).isEmpty()) {
            importer.importFiles(List.of(demoArticle("reset-your-password"), demoArticle("return-window")),
                    new ImportKnowledge.Options(true, null, null), "test");
        }
        for (int waited = 0; knowledge.search("reset password", "en", Audience.CUSTOMER, 1).isEmpty(); waited++) {
            assertThat(waited).as("the articles are indexed within a minute").isLessThan(600);
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        MODEL.stop();
    }

    @Test
    void aGroundedRewriteReachesTheCustomer() {
        MODEL.replyWith("Select Forgot password? on the sign-in page and we'll email you a reset link [1]. "
                + "The link is valid for 60 minutes and can only be used once [1].");

        JsonNode reply = replyTo(WidgetCustomer.start(api, "How do I reset my password?"));

        assertThat(reply.get("text").asString())
            .contains("Select Forgot password? on the sign-in page and we'll email you a reset link.")
            .doesNotContain("[1]");
        assertThat(reply.get("citations").get(0).get("title").asString()).isEqualTo("Reset your password");
        assertThat(MODEL.requests()).isEqualTo(1);
        assertThat(MODEL.streamedRequests()).isEqualTo(1);
    }

    @Test
    void anAnswerWithAnInventedSentenceNeverReachesTheCustomer() {
        MODEL.replyWith("Select Forgot password? on the sign-in page and we'll email you a reset link [1]. "
                + "As an apology for the trouble, we will also send you a $50 voucher [1].");

        JsonNode reply = replyTo(WidgetCustomer.start(api, "How do I reset my password?"));

        assertThat(reply.get("text").asString()).doesNotContain("voucher").doesNotContain("$50")
            .as("the answer quoted from the article instead").contains("Send reset link");
        assertThat(reply.get("citations").get(0).get("title").asString()).isEqualTo("Reset your password");
    }

    @Test
    void aModelThatFailsOrIsTooSlowLeavesTheQuotedAnswer() {
        MODEL.failWith(500);
        JsonNode failed = replyTo(WidgetCustomer.start(api, "How do I reset my password?"));
        assertThat(failed.get("text").asString()).contains("Send reset link");

        MODEL.replySlowly("Select Forgot password? on the sign-in page [1].");
        JsonNode slow = replyTo(WidgetCustomer.start(api, "How do I reset my password?"));
        MODEL.release();
        assertThat(slow.get("text").asString()).contains("Send reset link");
    }

    @Test
    void theCustomerWatchesTheReplyBeingWrittenSentenceBySentenceThenGetsThePostedReply() throws Exception {
        MODEL.replyWith(String.join(" ", FIRST, SECOND, THIRD, FOURTH));
        MODEL.pauseStreamAfter("Select Forgot");

        // the POST returns at the first sentence shown, not with the whole reply (AssistantTurnsTest proves when)
        WidgetCustomer customer = WidgetCustomer.start(api, "How do I reset my password?");
        assertThat(customer.started().get("awaitingReply").asBoolean()).isTrue();
        String question = customer.started().get("messages").get(0).get("id").asString();
        SseEvents events = customer.events();
        events.next(e -> e.name().equals("status"));
        MODEL.release();

        List<String> shown = new ArrayList<>();
        SseEvents.Event event = events.next(e -> e.name().equals("reply") || e.name().equals("message"));
        while (event.name().equals("reply")) {
            assertThat(event.json().get("inReplyTo").asString()).isEqualTo(question);
            shown.add(event.json().get("text").asString());
            event = events.next(e -> e.name().equals("reply") || e.name().equals("message"));
        }
        JsonNode posted = event.json();

        // the first sentence is shown before the stream opens when the turn started at once; when a worker was
        // still busy (a previous test's turn) the POST returned before it, and the stream sees it too
        assertThat(shown).as("one event per sentence after the stream opened, each the whole text so far").hasSizeBetween(2, 3);
        String beforePause = shown.get(shown.size() - 2);
        assertThat(beforePause).startsWith("Hi, I'm an AI assistant.").contains("“Reset your password”")
            .contains(plain(FIRST), plain(SECOND)).doesNotContain(plain(THIRD)).doesNotContain("[1]");
        assertThat(shown.get(shown.size() - 1)).startsWith(beforePause).endsWith(plain(THIRD));
        for (int i = 1; i < shown.size(); i++) {
            assertThat(shown.get(i)).startsWith(shown.get(i - 1));
        }
        assertThat(posted.get("author").asString()).isEqualTo("AI");
        assertThat(posted.get("text").asString()).as("the posted reply goes on from what was shown")
            .startsWith(shown.get(shown.size() - 1)).contains(plain(FOURTH)).contains("just ask for a person");
        assertThat(posted.get("citations").get(0).get("title").asString()).isEqualTo("Reset your password");
        assertThat(customer.view().get("messages")).hasSize(2);
        assertThat(customer.view().get("awaitingReply").asBoolean()).isFalse();
    }

    @Test
    void aSentenceThatFailsTheGroundingCheckStopsTheStreamAndTheQuotedAnswerIsPosted() throws Exception {
        MODEL.replyWith(String.join(" ", FIRST, "As an apology for the trouble, we will also send you a $50 voucher [1].",
                THIRD));
        MODEL.pauseStreamAfter("As an");

        WidgetCustomer customer = WidgetCustomer.start(api, "How do I reset my password?");
        SseEvents events = customer.events();
        events.next(e -> e.name().equals("status"));
        MODEL.release();

        JsonNode posted = events.next(e -> e.name().equals("message")).json();
        assertThat(events.seen()).filteredOn(e -> e.name().equals("reply"))
            .allSatisfy(e -> assertThat(e.data()).doesNotContain("voucher").doesNotContain(plain(THIRD)));
        assertThat(posted.get("text").asString()).doesNotContain("voucher").doesNotContain(plain(THIRD))
            .as("the answer quoted from the article instead").contains("Send reset link");
        assertThat(posted.get("citations").get(0).get("title").asString()).isEqualTo("Reset your password");
    }

    @Test
    void aModelThatStallsInTheMiddleOfItsReplyLeavesTheQuotedAnswerAfterTheTimeout() throws Exception {
        MODEL.replyWith(String.join(" ", FIRST, SECOND, THIRD));
        MODEL.pauseStreamAfter("Select Forgot");

        WidgetCustomer customer = WidgetCustomer.start(api, "How do I reset my password?");
        MODEL.awaitPause();

        // never released: the chat timeout (2 s here) ends the reply; read from the conversation, not the
        // stream, which a busy machine may open only after the reply was posted
        JsonNode posted = replyTo(customer);
        assertThat(posted.get("text").asString()).contains("Send reset link").doesNotContain(plain(SECOND));
        assertThat(customer.view().get("messages")).hasSize(2);
    }

    /** The assistant's reply, once posted: the POST may return before it (it is streamed). */
    private static JsonNode replyTo(WidgetCustomer customer) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode view = customer.view();
        while (view.get("messages").size() < 2 && System.nanoTime() < until) {
            Thread.onSpinWait();
            view = customer.view();
        }
        assertThat(view.get("messages")).as("the assistant replied within 30 s").hasSizeGreaterThan(1);
        return view.get("messages").get(1);
    }

    /** A sentence of the model's reply as the customer reads it: without its citation. */
    private static String plain(String sentence) {
        return sentence.replace(" [1]", "");
    }

    private static ImportKnowledge.NamedFile demoArticle(String slug) {
        try {
            Path file = Path.of("src/main/resources/demo/knowledge", slug + ".md");
            return new ImportKnowledge.NamedFile(slug + ".md", Files.readString(file, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
