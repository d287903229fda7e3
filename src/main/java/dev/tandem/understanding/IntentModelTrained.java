package dev.tandem.understanding;

import java.time.Instant;
import java.util.UUID;

/**
 * A new intent model is ready and in use.
 *
 * @param heldOutAccuracy share of the held-out tenth labelled right, or null when too few examples
 */
public record IntentModelTrained(UUID intentSetId, int labels, int examples, Double heldOutAccuracy,
        Instant trainedAt) {
}
