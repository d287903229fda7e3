package dev.tandem.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The connecting phrases of the summaries, from {@code insight/summaries.properties}: English, like the rest
 * of the workspace the agents read them in (how a conversation in another language is read is
 * {@link SummaryReading}'s business).
 */
final class SummaryPhrases {

    private static final String RESOURCE = "/insight/summaries.properties";

    private final Properties phrases = new Properties();

    SummaryPhrases() {
        try (InputStream in = SummaryPhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            phrases.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
