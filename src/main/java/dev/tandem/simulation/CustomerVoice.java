package dev.tandem.simulation;

import java.util.List;

import dev.tandem.simulation.WidgetConversation.Message;

/**
 * Who writes the customer's messages. The decisions (what to give, when to ask for a person, whether an
 * answer helped) are the simulated customer's and the judge's; a voice only words them, so a scripted run
 * and a run with a language model are judged alike.
 */
interface CustomerVoice {

    /** What to say next: the scenario's scripted text for it, and what the customer means to do. */
    record Turn(String intent, String scripted) {
    }

    String say(Scenario scenario, Turn turn, List<Message> transcript);

    /** The scenario's own words. */
    CustomerVoice SCRIPTED = (scenario, turn, transcript) -> turn.scripted();
}
