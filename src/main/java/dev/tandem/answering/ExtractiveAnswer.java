package dev.tandem.answering;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.tandem.knowledge.SearchTerms;

/**
 * The embedded way to answer: quote the part of a passage that answers the question, word for
 * word. A passage is cut into units (sentences, and whole lists, because steps only make sense
 * together); the unit sharing the most terms with the question is the answer, with the sentence
 * that introduces it when it is a list, or the sentence that follows it when that fits.
 * Whatever comes out is the knowledge base's own text, only stripped of Markdown.
 */
final class ExtractiveAnswer {

    /** Longer and a chat answer stops being read; the citation links to the whole article. */
    static final int MAX_LENGTH = 700;
    private static final int MAX_LIST_ITEMS = 10;
    private static final int ENOUGH_FOR_ONE_SENTENCE = 320;

    /** The first sentence of a passage usually states its gist; in a tie it is the better answer. */
    private static final double LEAD_BONUS = 0.15;
    /** "How do I …" wants the steps, not the sentence around them. */
    private static final double STEPS_BONUS = 0.2;

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s{0,3}(?:[-*+]|\\d{1,3}[.)])\\s+.*");
    private static final Pattern ORDERED_ITEM = Pattern.compile("^\\s{0,3}\\d{1,3}[.)]\\s+.*");
    private static final Pattern PROCEDURAL = Pattern.compile(
            "\\b(how|steps?|cómo|como|pasos|comment|étapes|wie|schritte|come|passaggi|hoe|stappen)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private record Unit(String text, boolean list, boolean ordered, int paragraph, double score) {
    }

    /**
     * The answer to {@code question} quoted from the best of an article's {@code passages} (best
     * first): a passage's headings count as part of each of its units, since "## Reset your password"
     * is what the steps under it are about.
     */
    static String from(List<dev.tandem.knowledge.Passage> passages, String question, String language) {
        Set<String> asked = new HashSet<>(SearchTerms.of(question, language));
        boolean procedural = PROCEDURAL.matcher(question).find();
        String best = "";
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < passages.size(); i++) {
            var passage = passages.get(i);
            Set<String> headingTerms = new HashSet<>(SearchTerms.of(String.join(" ", passage.headingPath()), language));
            List<Unit> units = units(passage.text(), asked, headingTerms, procedural, language, i == 0);
            int chosen = bestUnit(units);
            if (chosen >= 0 && units.get(chosen).score() > bestScore) {
                bestScore = units.get(chosen).score();
                best = compose(units, chosen);
            }
        }
        return best;
    }

    private ExtractiveAnswer() {
    }

    /** The answer to {@code question} quoted from {@code passage} (Markdown), or the passage's opening if nothing matches. */
    static String from(String passage, String question, String language) {
        Set<String> asked = new HashSet<>(SearchTerms.of(question, language));
        boolean procedural = PROCEDURAL.matcher(question).find();
        List<Unit> units = units(passage, asked, Set.of(), procedural, language, true);
        int best = bestUnit(units);
        return best < 0 ? "" : compose(units, best);
    }

    private static int bestUnit(List<Unit> units) {
        int best = units.isEmpty() ? -1 : 0;
        for (int i = 1; i < units.size(); i++) {
            if (units.get(i).score() > units.get(best).score()) {
                best = i;
            }
        }
        return best;
    }

    private static String compose(List<Unit> units, int best) {
        Unit chosen = units.get(best);
        StringBuilder answer = new StringBuilder();
        if (chosen.list() && best > 0 && !units.get(best - 1).list()
                && units.get(best - 1).text().length() + chosen.text().length() <= MAX_LENGTH) {
            // the sentence before a list says what the list is ("To reset your password:")
            answer.append(units.get(best - 1).text()).append('\n');
        }
        answer.append(chosen.text());
        if (!chosen.list() && best + 1 < units.size()) {
            Unit next = units.get(best + 1);
            boolean fits = answer.length() + 1 + next.text().length() <= MAX_LENGTH;
            boolean continues = next.paragraph() == chosen.paragraph() || next.list();
            if (fits && continues && answer.length() < ENOUGH_FOR_ONE_SENTENCE) {
                answer.append(next.list() ? "\n" : " ").append(next.text());
            }
        }
        return cut(answer.toString());
    }

    private static List<Unit> units(String passage, Set<String> asked, Set<String> headingTerms, boolean procedural,
            String language, boolean opensArticle) {
        List<Unit> units = new ArrayList<>();
        int paragraph = 0;
        for (String block : passage.split("\\n\\s*\\n")) {
            String trimmed = block.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("|") || trimmed.startsWith("```")) {
                continue;
            }
            paragraph++;
            List<String> lines = trimmed.lines().toList();
            if (LIST_ITEM.matcher(lines.get(0)).matches()) {
                String list = list(lines);
                boolean ordered = ORDERED_ITEM.matcher(lines.get(0)).matches();
                double score = overlap(asked, list, headingTerms, language) + (procedural && ordered ? STEPS_BONUS : 0);
                units.add(new Unit(list, true, ordered, paragraph, score));
                continue;
            }
            String text = plain(String.join(" ", lines));
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language));
            sentences.setText(text);
            int start = sentences.first();
            for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
                String sentence = text.substring(start, end).strip();
                if (sentence.isEmpty()) {
                    continue;
                }
                double score = overlap(asked, sentence, headingTerms, language)
                        + (opensArticle && units.isEmpty() ? LEAD_BONUS : 0);
                units.add(new Unit(sentence, false, false, paragraph, score));
            }
        }
        return units;
    }

    /** A Markdown list as plain lines: numbers kept, bullets as "•", continuation lines joined to their item. */
    private static String list(List<String> lines) {
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            if (LIST_ITEM.matcher(line).matches()) {
                if (items.size() == MAX_LIST_ITEMS) {
                    break;
                }
                String item = line.strip();
                items.add(item.matches("^[-*+]\\s.*") ? "• " + plain(item.substring(2)) : plain(item));
            } else if (!items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + plain(line));
            }
        }
        return String.join("\n", items);
    }

    private static double overlap(Set<String> asked, String text, Set<String> headingTerms, String language) {
        if (asked.isEmpty()) {
            return 0;
        }
        Set<String> found = new HashSet<>(SearchTerms.of(text, language));
        found.addAll(headingTerms);
        found.retainAll(asked);
        return (double) found.size() / asked.size();
    }

    /** Inline Markdown to plain text: the words stay exactly as written. */
    static String plain(String markdown) {
        return markdown
            .replaceAll("!\\[[^\\]]*\\]\\([^)]*\\)", "")
            .replaceAll("\\[([^\\]]+)\\]\\([^)]*\\)", "$1")
            .replaceAll("(\\*\\*|__)(.+?)\\1", "$2")
            .replaceAll("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])", "$1")
            .replaceAll("`([^`]+)`", "$1")
            .replaceAll("<[^>]+>", "")
            .replaceAll("[ \\t]+", " ")
            .strip();
    }

    /** Never more than {@link #MAX_LENGTH}: cut at the last line or sentence end that fits. */
    private static String cut(String answer) {
        if (answer.length() <= MAX_LENGTH) {
            return answer;
        }
        String head = answer.substring(0, MAX_LENGTH);
        int end = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(". "));
        return end > MAX_LENGTH / 3 ? head.substring(0, end + 1).strip() : head.strip() + "…";
    }
}
