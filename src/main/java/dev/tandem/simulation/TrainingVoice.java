package dev.tandem.simulation;

import java.util.List;

import dev.tandem.simulation.WidgetConversation.Message;

/** Who words the training customer's lines: the scenario's script, or a language model playing the persona. */
final class TrainingVoice {

    private final CustomerVoice voice;

    TrainingVoice(CustomerVoice voice) {
        this.voice = voice;
    }

    boolean scripted() {
        return voice == CustomerVoice.SCRIPTED;
    }

    String say(Scenario scenario, String intent, String scripted, List<TrainingTurn> transcript) {
        List<Message> messages = transcript.stream()
            .map(t -> new Message(String.valueOf(t.seq()), t.byAgent() ? "AGENT" : "CUSTOMER", t.text(), "TEXT", t.at(), List.of()))
            .toList();
        String said = voice.say(scenario, new CustomerVoice.Turn(intent, scripted), messages);
        return said == null || said.isBlank() ? scripted : said;
    }
}
