package dev.tandem.understanding;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A customer's message as word lists and rules match it: lower case, accents folded ("cancelación"
 * and "cancelacion" are one word, as customers type both), typographic apostrophes and quotes made
 * plain, runs of white space made one.
 */
public final class MatchableText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private MatchableText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        folded = folded.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00b4', '\'')
            .replace('\u201c', '"').replace('\u201d', '"').replace('\u00ab', '"').replace('\u00bb', '"');
        return SPACE.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
