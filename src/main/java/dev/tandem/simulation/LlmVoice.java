package dev.tandem.simulation;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tandem.ai.ChatModels;
import dev.tandem.simulation.WidgetConversation.Message;

/**
 * A language model plays the customer from the persona: it words each message the simulated customer
 * decided to send. When the model fails, or drops a fact the customer meant to give, the scripted words
 * are sent instead, so a run always completes and is judged the same way.
 */
final class LlmVoice implements CustomerVoice {

    private final ChatModels model;
    private final AtomicInteger fellBack = new AtomicInteger();

    LlmVoice(ChatModels model) {
        this.model = model;
    }

    int fellBack() {
        return fellBack.get();
    }

    @Override
    public String say(Scenario scenario, Turn turn, List<Message> transcript) {
        var persona = scenario.persona();
        String system = """
                You play a customer writing in the chat widget of Northwind Outfitters, an online outdoor-gear shop.
                You are %s. Write in language '%s'. Your mood: %s.%s
                Write only the customer's next chat message: one to three short sentences, as people type in a chat,
                no quotation marks, no stage directions, never the assistant's words.""".formatted(persona.name(),
                persona.language(), persona.mood().name().toLowerCase(java.util.Locale.ROOT),
                persona.vulnerable() ? " You are in a vulnerable situation and it shows in how you write." : "");
        StringBuilder user = new StringBuilder();
        user.append("What you want: ").append(scenario.kind().label()).append(" - ").append(scenario.opening()).append('\n');
        if (!scenario.facts().isEmpty()) {
            user.append("What you know: ").append(scenario.facts()).append('\n');
        }
        user.append("The conversation so far:\n");
        for (Message message : transcript) {
            String who = message.author().equals("CUSTOMER") ? "You" : message.author().equals("AGENT") ? "Agent" : "Assistant";
            user.append(who).append(": ").append(message.text().replace('\n', ' ')).append('\n');
        }
        user.append("\nNow ").append(instruction(turn)).append("\nA message that would do: ").append(turn.scripted());
        try {
            String written = model.complete(system, user.toString());
            if (written == null || written.isBlank()) {
                fellBack.incrementAndGet();
                return turn.scripted();
            }
            written = written.strip();
            if (turn.intent().startsWith("give:") && !written.contains(turn.scripted())) {
                // the customer meant to give this value; the model left it out or changed it
                fellBack.incrementAndGet();
                return turn.scripted();
            }
            return written;
        } catch (ChatModels.ChatUnavailable e) {
            fellBack.incrementAndGet();
            return turn.scripted();
        }
    }

    private static String instruction(Turn turn) {
        if (turn.intent().startsWith("give:")) {
            return "answer the assistant's question with exactly this value: " + turn.scripted();
        }
        return switch (turn.intent()) {
            case "open" -> "start the conversation: ask for what you want, in your own words.";
            case "accept-person" -> "accept the assistant's offer to talk to a person: say yes.";
            // the training sandbox's customer, who answers a person turn by turn
            case "thank" -> "you got what you came for: thank them, in your mood.";
            case "understood" -> "they told you plainly they cannot help with this: accept it.";
            case "done" -> "they asked whether you need anything else: you do not, say so briefly.";
            case "wait" -> "they are looking into it: acknowledge briefly and wait, in your mood.";
            case "dont-have" -> "say you do not have what they asked for.";
            case "give-up" -> "you have run out of patience: say you give up and leave.";
            default -> "the last reply did not help you; say what you need again, differently.";
        };
    }
}
