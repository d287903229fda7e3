package dev.tandem.review;

/** How much of the assistant's output a person sees first. */
public enum ReviewMode {
    /** Replies the review policy names are held (constitution, topics, confidence, recent articles). */
    POLICY,
    /** Every AI reply is held: the roll-out mode, until the team trusts the assistant. */
    SUPERVISED
}
