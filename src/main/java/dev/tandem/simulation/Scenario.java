package dev.tandem.simulation;

import java.util.List;
import java.util.Map;

/**
 * One simulated customer: who they are, what they want, what they say, and what should happen.
 *
 * @param facts what the customer knows and gives when asked (order_number, email, gift_card, amount,
 *     new_address, name)
 * @param agentReply what the simulated agent answers once the conversation reaches a person
 */
public record Scenario(String id, Kind kind, Persona persona, Goal goal, String opening, List<String> followUps,
        Map<String, String> facts, Expect expect, String agentReply) {

    public enum Kind {
        ANSWER, PROCEDURE, PERSON, OUT_OF_SCOPE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Mood {
        CALM, FRUSTRATED, ANGRY
    }

    /** What should happen: the AI resolves it, a person takes it, or the AI declines without inventing. */
    public enum Expect {
        RESOLVED, ESCALATED, DECLINED
    }

    /** @param patience how many unhelpful replies the customer takes before asking for a person */
    public record Persona(String name, String email, String language, int patience, Mood mood, boolean vulnerable) {
    }

    /**
     * What a reply must hold to meet the goal.
     *
     * @param articles slugs of the articles a correct answer cites (any one of them); empty: any article
     * @param facts texts a correct reply contains, each one; {@code a|b} accepts either (a number written two ways)
     * @param procedure the procedure the customer expects to be run (for the report)
     */
    public record Goal(List<String> articles, List<String> facts, String procedure) {
    }

    String language() {
        return persona.language();
    }
}
