package dev.tandem.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.OpenAiCompatibleServer;
import dev.tandem.ai.ChatModels;
import dev.tandem.simulation.WidgetConversation.Message;

/** A language model words the customer's messages from the persona; the scripted words stand in when it fails. */
class LlmVoiceTest {

    private OpenAiCompatibleServer server;
    private ChatModels model;
    private LlmVoice voice;

    private final Scenario scenario = new Scenario("s", Scenario.Kind.PROCEDURE,
            new Scenario.Persona("Ada Lovelace", null, "es", 2, Scenario.Mood.ANGRY, true),
            new Scenario.Goal(List.of(), List.of("1Z999"), "order-status"), "¿dónde está mi pedido?", List.of(),
            Map.of("order_number", "NW-1004"), Scenario.Expect.RESOLVED, null);

    @BeforeEach
    void start() {
        server = OpenAiCompatibleServer.start();
        model = ChatModels.openAiCompatible(server.baseUrl(), "customer-model", "", Duration.ofSeconds(5));
        voice = new LlmVoice(model);
    }

    @AfterEach
    void stop() {
        model.close();
        server.stop();
    }

    @Test
    void theModelWritesTheMessageFromThePersonaAndTheConversation() {
        server.replyWith("¡Llevo DOS semanas esperando! ¿Dónde está mi pedido?");
        var transcript = List.of(new Message("1", "AI", "¿Cuál es tu número de pedido?", "PLAIN", Instant.now(), List.of()));

        assertThat(voice.say(scenario, new CustomerVoice.Turn("open", scenario.opening()), transcript))
            .isEqualTo("¡Llevo DOS semanas esperando! ¿Dónde está mi pedido?");
        assertThat(server.lastBody()).contains("Ada Lovelace", "Write in language 'es'", "Your mood: angry", "vulnerable",
                "Assistant: ¿Cuál es tu número de pedido?");
        assertThat(voice.fellBack()).isZero();
    }

    @Test
    void aFactTheModelLeftOutIsGivenInTheScriptedWords() {
        server.replyWith("No me acuerdo del número, la verdad");
        assertThat(voice.say(scenario, new CustomerVoice.Turn("give:order_number", "NW-1004"), List.of())).isEqualTo("NW-1004");
        server.replyWith("Es el NW-1004, date prisa");
        assertThat(voice.say(scenario, new CustomerVoice.Turn("give:order_number", "NW-1004"), List.of()))
            .isEqualTo("Es el NW-1004, date prisa");
        assertThat(voice.fellBack()).isEqualTo(1);
    }

    @Test
    void whenTheModelFailsTheScriptedWordsAreSent() {
        server.failWith(500);
        assertThat(voice.say(scenario, new CustomerVoice.Turn("follow-up", "mi pedido NW-1004 no llega"), List.of()))
            .isEqualTo("mi pedido NW-1004 no llega");
        assertThat(voice.fellBack()).isEqualTo(1);
    }

    @Test
    void inTrainingTheModelWordsTheCustomersAnswerToAPerson() {
        server.replyWith("Vale, ya era hora. Gracias.");
        var training = new TrainingVoice(voice);
        var transcript = List.of(new TrainingTurn(1, TrainingTurn.Author.CUSTOMER, scenario.opening(), Instant.now()),
                new TrainingTurn(2, TrainingTurn.Author.AGENT, "Tu pedido NW-1004 ya salió: 1Z999.", Instant.now()));

        assertThat(training.say(scenario, "thank", "Vale. Ya era hora.", transcript)).isEqualTo("Vale, ya era hora. Gracias.");
        assertThat(server.lastBody()).contains("Agent: Tu pedido NW-1004 ya salió", "You: ¿dónde está mi pedido?",
                "you got what you came for");
        assertThat(training.scripted()).isFalse();
        assertThat(new TrainingVoice(CustomerVoice.SCRIPTED).say(scenario, "thank", "Vale. Ya era hora.", transcript))
            .isEqualTo("Vale. Ya era hora.");
    }
}
