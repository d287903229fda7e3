package dev.tandem.guardrails;

import java.util.List;

/** The hand-written half of a guard: rules or word lists read from a YAML resource. */
interface Signals {

    /**
     * What the rules make of a message.
     *
     * @param values one value per rule, the learned model's rule features
     * @param decisive names of the matching rules that report a finding by themselves
     * @param matched names of every matching rule
     */
    record Reading(double[] values, List<String> decisive, List<String> matched) {
    }

    /** How many values {@link #read} returns. */
    int size();

    /** @param normalised the message as {@link TextNormaliser#normalise} leaves it */
    Reading read(String normalised);
}
