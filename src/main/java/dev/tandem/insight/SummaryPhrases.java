package dev.tandem.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/** The connecting phrases and the cues of the summaries, from {@code insight/summaries.properties}. */
final class SummaryPhrases {

    private static final String RESOURCE = "/insight/summaries.properties";

    private final Properties phrases = new Properties();
    private final Pattern done;
    private final Pattern promise;

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
        done = cue("cue.done");
        promise = cue("cue.promise");
    }

    private Pattern cue(String key) {
        return Pattern.compile(get(key), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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

    /** Whether a clause reports something done ("I've started the exchange"). */
    boolean reportsDone(String clause) {
        return done.matcher(apostrophes(clause)).find();
    }

    /** Whether a clause promises something ("you'll get a prepaid return label by email"). */
    boolean promises(String clause) {
        return promise.matcher(apostrophes(clause)).find();
    }

    private static String apostrophes(String text) {
        return text.replace('\u2019', '\'');
    }
}
