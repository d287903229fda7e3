package dev.tandem.guardrails;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text the detectors read: Unicode-compatibility folded (full-width and mathematical letters become
 * plain ones), without invisible characters (zero-width spaces and joiners, soft hyphens, bidirectional
 * controls) that split a word for a pattern but not for a model, lower-case, whitespace collapsed. Tricks
 * that hide a word from a pattern ("i\u200Bgnore", "ｉｇｎｏｒｅ") do not hide it from the rules.
 */
final class TextNormaliser {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\u00AD\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u3164\\uFFA0]");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** "i g n o r e": letters written one by one, spaced to slip past word patterns. */
    private static final Pattern SPACED_LETTERS = Pattern.compile("(?<!\\S)(?:\\p{L} ){3,}\\p{L}(?!\\S)");

    private TextNormaliser() {
    }

    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        folded = INVISIBLE.matcher(folded).replaceAll("");
        folded = SPACED_LETTERS.matcher(folded).replaceAll(spaced -> spaced.group().replace(" ", ""));
        return SPACE.matcher(folded).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** Letters for the abuse lexicon: look-alike digits and signs read as the letters they stand for ("b1tch", "@ss"). */
    static String deLeet(String normalised) {
        StringBuilder out = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            boolean inWord = (i > 0 && Character.isLetter(normalised.charAt(i - 1)))
                    || (i + 1 < normalised.length() && Character.isLetter(normalised.charAt(i + 1)));
            out.append(!inWord ? c : switch (c) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }
}
