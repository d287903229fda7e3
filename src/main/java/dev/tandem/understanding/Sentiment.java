package dev.tandem.understanding;

import java.util.List;

/**
 * How a customer's message sounds.
 *
 * @param polarity from -1 (very negative) to 1 (very positive)
 * @param frustration from 0 (calm) to 1 (furious): anger, exasperation, impatience, shouting
 * @param cues the words and signs the scores rest on, as found in the message ("ridiculous",
 *     "ALL CAPS", "!!!"), so a person can see why
 */
public record Sentiment(double polarity, double frustration, List<String> cues) {

    public static final Sentiment NEUTRAL = new Sentiment(0, 0, List.of());

    public Sentiment {
        cues = List.copyOf(cues);
    }
}
