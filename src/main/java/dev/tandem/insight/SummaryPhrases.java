package dev.tandem.insight;

import java.util.Properties;

/**
 * The connecting phrases of the summaries, from {@code insight/summaries.properties}: English, like the rest
 * of the workspace the agents read them in (how a conversation in another language is read is
 * {@link SummaryReading}'s business).
 */
final class SummaryPhrases {

    private static final String RESOURCE = "/insight/summaries.properties";

    private final Properties phrases;

    SummaryPhrases() {
        phrases = SummaryReading.read(RESOURCE).orElseThrow(() -> new IllegalStateException(RESOURCE + " is missing"));
    }

    String get(String key, String... values) {
        String phrase = phrases.getProperty(key);
        if (phrase == null) {
            throw new IllegalStateException("No phrase " + key + " in " + RESOURCE);
        }
        for (int i = 0; i < values.length; i++) {
            phrase = phrase.replace("{" + i + "}", values[i] == null ? "" : values[i]);
        }
        return phrase;
    }
}
