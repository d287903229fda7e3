package dev.tandem.simulation;

import java.util.List;

/**
 * One scenario's conversation as the report shows it.
 *
 * @param verified a verified AI resolution: the AI alone, goal met, customer confirmed, no negative rating
 * @param wrongAnswer the AI gave at least one answer that did not meet the goal
 * @param timeToReliefSeconds first message to the first reply that met the goal or the first reply of a person;
 *     null when none came
 * @param rating the customer's CSAT, 1 to 5
 * @param ratingSubmitted the rating was also given through the widget's rating API (resolved conversations, where
 *     the server has that API)
 * @param handoffChecked handed over with a simulated agent, who read the handoff packet
 * @param hadToRepeat the handoff packet lacked something the customer had given (an order number, an email): the
 *     person would have to ask again
 * @param why what went wrong, in words (empty for a success)
 */
public record ConversationResult(String scenario, String kind, String language, String expect, String conversationId,
        Outcome outcome, boolean verified, boolean wrongAnswer, Double timeToReliefSeconds, int rating, boolean ratingSubmitted, int customerTurns,
        boolean handoffChecked, boolean hadToRepeat, List<String> why) {

    boolean failed() {
        return !(verified || outcome == Outcome.ESCALATED_CORRECTLY || outcome == Outcome.DECLINED_CORRECTLY) || wrongAnswer
                || hadToRepeat;
    }
}
