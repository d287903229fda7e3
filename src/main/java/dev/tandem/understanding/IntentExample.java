package dev.tandem.understanding;

/** One training example: a message and the intent it expresses. */
public record IntentExample(String text, String label) {
}
