package dev.tandem.quality;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message as the cues match it (lower case, accents folded, plain apostrophes) that still knows where each of
 * its characters came from, so a cue found in the folded text is quoted in the message's own words: evidence
 * must be words the conversation holds, as written.
 */
final class FoldedText {

    private final String original;
    private final String folded;
    /** For each character of {@code folded}, the index of the original character it came from. */
    private final int[] origin;

    private FoldedText(String original, String folded, int[] origin) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
    }

    static FoldedText of(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        int[] origin = new int[text.length() * 2 + 1];
        int n = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            String piece = switch (cp) {
                case '\u2019', '\u2018', '\u00b4', '`' -> "'";
                case '\u201c', '\u201d', '\u00ab', '\u00bb' -> "\"";
                case '\u00df' -> "ss";
                default -> Normalizer.normalize(text.substring(i, i + width), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
            };
            for (int k = 0; k < piece.length(); k++) {
                if (n == origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                }
                folded.append(piece.charAt(k));
                origin[n++] = i;
            }
            i += width;
        }
        return new FoldedText(text, folded.toString(), java.util.Arrays.copyOf(origin, n));
    }

    String folded() {
        return folded;
    }

    String original() {
        return original;
    }

    /** The first match of any of {@code patterns}, as a span of the original text. */
    Span find(Iterable<Pattern> patterns) {
        Span best = null;
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(folded);
            if (m.find() && (best == null || m.start() < best.foldedStart)) {
                best = span(m.start(), m.end());
            }
        }
        return best;
    }

    /** The sentence of the original text around a span: what a reader needs to see the cue in its place. */
    String sentenceAround(Span span) {
        int start = span.start;
        while (start > 0 && !isSentenceEnd(original.charAt(start - 1))) {
            start--;
        }
        int end = span.end;
        while (end < original.length() && !isSentenceEnd(original.charAt(end))) {
            end++;
        }
        if (end < original.length()) {
            end++;
        }
        String sentence = original.substring(start, Math.min(end, original.length())).strip();
        if (sentence.length() > 240) {
            int from = Math.max(0, span.start - 80);
            int to = Math.min(original.length(), Math.max(span.end + 80, from + 1));
            sentence = original.substring(from, to).strip();
        }
        return sentence;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\u3002';
    }

    private Span span(int foldedStart, int foldedEnd) {
        int start = foldedStart < origin.length ? origin[foldedStart] : original.length();
        int end = foldedEnd == 0 ? 0 : origin[foldedEnd - 1] + Character.charCount(original.codePointAt(origin[foldedEnd - 1]));
        return new Span(start, end, foldedStart);
    }

    record Span(int start, int end, int foldedStart) {
    }
}
