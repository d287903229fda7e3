package dev.tandem.simulation;

import java.util.List;

/**
 * How a training session went: the scenario's goal and the rubric, each with the evidence it rests on.
 *
 * @param goalMet whether the customer got what they came for
 * @param goal in words: what the goal was and which message met it, or what was missing
 * @param items the rubric (the contract's "Default quality rubric" names), in its order
 */
record TrainingScore(boolean goalMet, String goal, List<Item> items) {

    /** @param passed null when the item does not apply (e.g. feelings the customer never expressed) */
    record Item(String name, String label, Boolean passed, String evidence) {
    }

    // public: the page templates call these
    public long passed() {
        return items.stream().filter(i -> Boolean.TRUE.equals(i.passed())).count();
    }

    public long applicable() {
        return items.stream().filter(i -> i.passed() != null).count();
    }
}
