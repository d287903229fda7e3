package dev.tandem.understanding;

/**
 * What a customer's message is about, as far as the trained intents know.
 *
 * @param label the best-matching intent (for an out-of-scope message: the nearest one, for context)
 * @param confidence 0..1, 0.5 at the out-of-scope threshold; ranks messages, is not a probability
 * @param outOfScope true when the message matches none of the intents well enough to act on
 */
public record Intent(String label, double confidence, boolean outOfScope) {
}
