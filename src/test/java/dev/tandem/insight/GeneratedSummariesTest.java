package dev.tandem.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.OpenAiCompatibleServer;
import dev.tandem.ai.ChatModels;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.conversation.Customer;
import dev.tandem.conversation.Message;
import dev.tandem.escalation.HandoffPacket;
import dev.tandem.escalation.Priority;
import dev.tandem.understanding.EntityExtraction;

/**
 * The summary in LLM mode against a stand-in OpenAI-compatible server: the model's summary is used when every
 * number in it occurs in the conversation, the extractive one stands when the model makes one up or fails, and
 * the model never sees the customer's email address. The extractive summary on its own, too.
 */
class GeneratedSummariesTest {

    private static OpenAiCompatibleServer server;

    private ChatModels chat;
    private GeneratedSummaries generated;
    private ExtractiveSummaries extractive;

    @BeforeAll
    static void startServer() {
        server = OpenAiCompatibleServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void connect() {
        server.reset();
        chat = ChatModels.openAiCompatible(server.baseUrl(), "test-model", "test-key", Duration.ofSeconds(2));
        var properties = new InsightProperties(new InsightProperties.Summaries(true, true, 8, 240),
                new InsightProperties.Outcomes(true, Duration.ofHours(24), Duration.ofMinutes(1)),
                new InsightProperties.Csat(true, "http://localhost:8080", Duration.ofDays(14), "", 1000));
        generated = new GeneratedSummaries(chat, properties);
        extractive = new ExtractiveSummaries(new EntityExtraction(), properties);
    }

    @AfterEach
    void disconnect() {
        server.release();
        chat.close();
    }

    private static SummarySource doubleCharge() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        var customer = new Customer(UUID.randomUUID(), "Liam O'Brien", "liam.obrien@example.com", null, at);
        var conversation = new ConversationSummary(id, ConversationStatus.QUEUED, "widget", UUID.randomUUID(), null,
                customer, null, null, at, at, at, null, at.plusSeconds(60), 1);
        var messages = List.of(
                new Message(UUID.randomUUID(), id, AuthorType.CUSTOMER, null, null,
                        "I was charged twice for order NW-10511 ($189.00 each time). Mail me at liam.obrien@example.com.",
                        false, null, at),
                new Message(UUID.randomUUID(), id, AuthorType.SYSTEM, null, null,
                        "A member of our team will take it from here.", false, null, at.plusSeconds(60)));
        var packet = new HandoffPacket(id, ConversationStatus.QUEUED, at.plusSeconds(60), Priority.NORMAL,
                "The customer asked to talk to a person.", List.of(), new HandoffPacket.Customer("Liam O'Brien",
                        "liam.obrien@example.com"), 1, "I was charged twice for order NW-10511 ($189.00 each time).",
                List.of(), List.of(), new HandoffPacket.SentimentTrajectory(List.of(0.1), "calm", List.of()), "en", null,
                List.of(), null);
        return new SummarySource(new ConversationDetails(conversation, messages), packet, Map.of(),
                Summary.Trigger.HANDOFF, null);
    }

    @Test
    void theExtractiveSummaryHoldsTheFactsAndTheHandoff() {
        SummaryContent content = extractive.summarise(doubleCharge());

        assertThat(content.reason()).isEqualTo("I was charged twice for order NW-10511 ($189.00 each time).");
        assertThat(content.details()).extracting(d -> d.type() + " " + d.value())
            .containsExactly("ORDER_NUMBER NW-10511", "AMOUNT $189.00", "EMAIL liam.obrien@example.com");
        assertThat(content.actions()).containsExactly("Handed to a person: The customer asked to talk to a person.");
        assertThat(content.outcome().status()).isEqualTo(Summary.Status.HANDED_OVER);
    }

    @Test
    void aGroundedModelSummaryIsUsedAndTheModelSeesNoEmailAddress() {
        var source = doubleCharge();
        server.replyWith("""
                {"reason": "Charged twice for order NW-10511, $189.00 each time.",
                 "actions": ["The customer asked for a person."],
                 "outcome": "Waiting for an agent.",
                 "followUps": ["Refund one of the two charges of $189.00."]}""");

        var content = generated.summarise(source, extractive.summarise(source)).orElseThrow();

        assertThat(content.reason()).isEqualTo("Charged twice for order NW-10511, $189.00 each time.");
        assertThat(content.followUps()).containsExactly("Refund one of the two charges of $189.00.");
        assertThat(content.details()).as("facts stay the extractive ones").extracting(Summary.Detail::value)
            .contains("NW-10511", "$189.00");
        assertThat(content.outcome().status()).isEqualTo(Summary.Status.HANDED_OVER);
        assertThat(server.lastBody()).contains("NW-10511").doesNotContain("liam.obrien@example.com");
    }

    @Test
    void aModelSummaryWithANumberTheConversationLacksIsRefused() {
        var source = doubleCharge();
        server.replyWith("""
                {"reason": "Charged twice for order NW-10512.", "actions": [], "outcome": "Refunded $189.00.",
                 "followUps": []}""");

        assertThat(generated.summarise(source, extractive.summarise(source))).isEmpty();
    }

    @Test
    void aModelThatFailsOrAnswersProseLeavesTheExtractiveSummary() {
        var source = doubleCharge();
        server.failWith(500);
        assertThat(generated.summarise(source, extractive.summarise(source))).isEmpty();

        server.reset();
        server.replyWith("The customer was charged twice.");
        assertThat(generated.summarise(source, extractive.summarise(source))).isEmpty();
    }
}
