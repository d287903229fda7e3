package dev.tandem.assist;

import java.util.regex.Pattern;

import dev.tandem.knowledge.Passage;

/**
 * A suggested reply assembled from a knowledge passage (embedded mode): the passage's first sentences
 * as plain text, introduced by the article's title. The agent edits it before sending; nothing is
 * invented.
 */
final class ReplyText {

    static final int MAX = 600;
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MARKUP = Pattern.compile("(?m)^\\s{0,3}(#{1,6}\\s+|[-*+]\\s+|>\\s?|\\d+\\.\\s+)|[*_`]{1,3}");

    private ReplyText() {
    }

    static String fromPassage(Passage passage) {
        String plain = MARKUP.matcher(LINK.matcher(passage.text()).replaceAll("$1")).replaceAll("");
        plain = plain.replaceAll("\\s+", " ").strip();
        if (plain.length() > MAX) {
            int cut = plain.lastIndexOf(". ", MAX);
            plain = cut > 100 ? plain.substring(0, cut + 1) : plain.substring(0, MAX) + "…";
        }
        return "Here is what our guide “" + passage.title() + "” says: " + plain;
    }
}
