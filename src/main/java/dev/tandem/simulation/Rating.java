package dev.tandem.simulation;

/**
 * The scripted customer's CSAT (1 to 5): how a customer with this outcome would plausibly rate it. Quick
 * help scores highest, a person when one was needed next, a wrong answer or a fight for a person lowest;
 * an angry customer rates one point lower. A rating of 2 or less is negative.
 */
final class Rating {

    private Rating() {
    }

    static int of(Outcome outcome, boolean wrongAnswer, int customerTurns, Scenario.Mood mood) {
        int rating = switch (outcome) {
            case RESOLVED_BY_AI -> customerTurns <= 2 ? 5 : 4;
            case ESCALATED_CORRECTLY -> 4;
            case DECLINED_CORRECTLY, ESCALATED_UNNECESSARILY -> 3;
            case ESCALATED_AFTER_FAILURE, MISSED_ESCALATION -> 2;
            case UNRESOLVED, ERROR -> 1;
        };
        if (wrongAnswer) {
            rating--;
        }
        if (mood == Scenario.Mood.ANGRY) {
            rating--;
        }
        return Math.max(1, Math.min(5, rating));
    }

    static boolean negative(int rating) {
        return rating <= 2;
    }
}
