package dev.tandem.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.OpenAiCompatibleServer;
import dev.tandem.ai.ChatModels;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * The LLM mode's judge against a recording OpenAI-compatible server: verdicts that quote the conversation are taken,
 * a verdict whose quote the conversation does not hold falls back to the embedded judge's, and so does everything
 * when the model fails or answers something else than the JSON asked for. Personal data never reaches the model.
 */
class LlmJudgeTest {

    static OpenAiCompatibleServer server;
    static ChatModels chat;

    final Rubric rubric = Rubric.bundled();
    final EmbeddedJudge embedded = new EmbeddedJudge(Cues.bundled(), new SentimentAnalysis());
    final Transcript transcript = new Transcript(List.of(
            new Transcript.Line("m1", Transcript.Author.CUSTOMER, "My card was charged twice, write to me at ana@example.com"),
            new Transcript.Line("m2", Transcript.Author.AGENT, "Hello Ana, I'm Leo. I've refunded the second charge of 20 EUR."),
            new Transcript.Line("m3", Transcript.Author.CUSTOMER, "thanks")), "Ana");

    @BeforeAll
    static void start() {
        server = OpenAiCompatibleServer.start();
        chat = ChatModels.openAiCompatible(server.baseUrl(), "judge", "key", Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        chat.close();
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void verdictsThatQuoteTheConversationAreTakenAndAnInventedQuoteFallsBack() {
        server.replyWith("""
                Here you go: {"verdicts": [
                  {"item": "took_ownership", "value": true, "messageId": "m2", "quote": "I've  refunded the second charge", "confidence": 0.9},
                  {"item": "greeted", "value": false, "messageId": "m2", "quote": "Welcome to our shop", "confidence": 0.8},
                  {"item": "acknowledged_feelings", "value": null, "confidence": 0.7},
                  {"item": "not_an_item", "value": true, "messageId": "m2", "quote": "Hello"}
                ]}""");
        List<Verdict> fallback = embedded.judge(transcript, rubric, ClaimChecks.NONE, "en");
        Map<String, Verdict> verdicts = new LlmJudge(chat).judge(transcript, rubric, fallback).stream()
            .collect(Collectors.toMap(Verdict::item, Function.identity()));

        assertThat(verdicts.get("took_ownership").basis()).isEqualTo("the model");
        assertThat(verdicts.get("took_ownership").quote()).as("as the message writes it").isEqualTo("I've refunded the second charge");
        assertThat(verdicts.get("greeted").basis()).as("invented quote: the embedded verdict stands").isNotEqualTo("the model");
        assertThat(verdicts.get("greeted").value()).isTrue();
        assertThat(verdicts.get("acknowledged_feelings").value()).isNull();
        assertThat(verdicts).doesNotContainKey("not_an_item").containsKeys(rubric.names().toArray(String[]::new));
        assertThat(server.lastBody()).contains("took_ownership").contains("m2").doesNotContain("ana@example.com");
    }

    @Test
    void aFailingOrRamblingModelLeavesTheEmbeddedVerdicts() {
        List<Verdict> fallback = embedded.judge(transcript, rubric, ClaimChecks.NONE, "en");
        server.replyWith("I think the agent did fine.");
        assertThat(new LlmJudge(chat).judge(transcript, rubric, fallback)).isNull();
        server.failWith(500);
        assertThat(new LlmJudge(chat).judge(transcript, rubric, fallback)).isNull();
    }
}
