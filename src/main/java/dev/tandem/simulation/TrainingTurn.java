package dev.tandem.simulation;

import java.time.Instant;

/** One line of a training session: the person practising ({@code AGENT}) or the simulated customer. */
record TrainingTurn(int seq, Author author, String text, Instant at) {

    enum Author {
        AGENT, CUSTOMER
    }

    /** Public for the page template, which calls it. */
    public boolean byAgent() {
        return author == Author.AGENT;
    }
}
