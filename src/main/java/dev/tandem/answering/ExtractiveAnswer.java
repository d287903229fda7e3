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
 * word. A passage is cut into units (sentences, whole lists, because steps only make sense
 * together, and table rows, each read with its column headings); the unit sharing the most terms
 * with the question is the answer, with the sentence that introduces it when it is a list, or the
 * sentence that follows it when that fits. A unit holding the kind of answer asked for (an amount
 * for "how much", a time for "how long") is preferred. Whatever comes out is the knowledge base's own
 * text, only stripped of Markdown (a table row's cells joined to their headings).
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

    /** "How much is Express?" wants the sentence or row with the price, not the one about Express's speed. */
    private static final double KIND_BONUS = 0.2;
    private static final Pattern ASKS_AMOUNT = Pattern.compile(
            "\\b(how much|cost|costs|price|prices|fee|fees|charge|charged|pay for|cu[aá]nto cuesta|precio|coste|tarifa"
                    + "|combien|prix|co[uû]t|frais|wie ?viel|kostet|kosten|preis|geb[uü]hr|quanto (costa|custa)|pre[cç]o"
                    + "|prezzo|costo)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern AMOUNT = Pattern.compile(
            "[$€£]\\s?\\d|\\d\\s?(€|eur|usd)\\b|\\b(free|gratis|gratuit\\w*|kostenlos|gratuito)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ASKS_TIME = Pattern.compile(
            "\\b(how long|how many (days|weeks|hours)|how soon|when|cu[aá]nto tarda|cu[aá]ndo|combien de temps|quand"
                    + "|wie lange|wann|quanto tempo|quando|quanto ci vuole)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TIME = Pattern.compile(
            "\\d+\\s*(?:[–-]|to|a|à|bis)?\\s*\\d*\\s*(?:business |working |h[aá]biles |ouvr[ée]s |lavorativi |[uú]teis )?"
                    + "(days?|hours?|weeks?|months?|minutes?|d[ií]as|jours|tage[n]?|werktage[n]?|giorni|dias|semanas|semaines"
                    + "|wochen|settimane|horas|heures|stunden|ore)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\|?\\s*:?-{2,}.*");

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s{0,3}(?:[-*+]|\\d{1,3}[.)])\\s+.*");
    private static final Pattern ORDERED_ITEM = Pattern.compile("^\\s{0,3}\\d{1,3}[.)]\\s+.*");
    private static final Pattern PROCEDURAL = Pattern.compile(
            "\\b(how|steps?|cómo|como|pasos|comment|étapes|wie|schritte|come|passaggi|hoe|stappen)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private record Unit(String text, boolean list, boolean ordered, int paragraph, double score) {
    }

    /** What the question asks for besides its words: the steps, an amount, a time. */
    private record Asked(Set<String> terms, boolean procedural, boolean amount, boolean time) {

        static Asked by(String question, String language) {
            return new Asked(new HashSet<>(SearchTerms.of(question, language)), PROCEDURAL.matcher(question).find(),
                    ASKS_AMOUNT.matcher(question).find(), ASKS_TIME.matcher(question).find());
        }

        /** The bonus of a unit (not a list) that holds the kind of answer asked for. */
        double kindBonus(String unit) {
            return amount && AMOUNT.matcher(unit).find() || time && TIME.matcher(unit).find() ? KIND_BONUS : 0;
        }
    }

    /**
     * The answer to {@code question} quoted from the best of an article's {@code passages} (best
     * first): a passage's headings count as part of each of its units, since "## Reset your password"
     * is what the steps under it are about.
     */
    static String from(List<dev.tandem.knowledge.Passage> passages, String question, String language) {
        Asked asked = Asked.by(question, language);
        String best = "";
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < passages.size(); i++) {
            var passage = passages.get(i);
            Set<String> headingTerms = new HashSet<>(SearchTerms.of(String.join(" ", passage.headingPath()), language));
            List<Unit> units = units(passage.text(), asked, headingTerms, language, i == 0);
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
        List<Unit> units = units(passage, Asked.by(question, language), Set.of(), language, true);
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

    private static List<Unit> units(String passage, Asked asked, Set<String> headingTerms, String language,
            boolean opensArticle) {
        List<Unit> units = new ArrayList<>();
        int paragraph = 0;
        for (String block : passage.split("\\n\\s*\\n")) {
            String trimmed = block.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("```")) {
                continue;
            }
            paragraph++;
            List<String> lines = trimmed.lines().toList();
            if (trimmed.startsWith("|")) {
                for (String row : rows(lines)) {
                    double score = overlap(asked.terms(), row, headingTerms, language) + asked.kindBonus(row);
                    // a row of its own paragraph: the next row is another answer, not a continuation
                    units.add(new Unit(row, false, false, paragraph++, score));
                }
                continue;
            }
            if (LIST_ITEM.matcher(lines.get(0)).matches()) {
                String list = list(lines);
                boolean ordered = ORDERED_ITEM.matcher(lines.get(0)).matches();
                double score = overlap(asked.terms(), list, headingTerms, language)
                        + (asked.procedural() && ordered ? STEPS_BONUS : 0);
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
                double score = overlap(asked.terms(), sentence, headingTerms, language) + asked.kindBonus(sentence)
                        + (opensArticle && units.isEmpty() ? LEAD_BONUS : 0);
                units.add(new Unit(sentence, false, false, paragraph, score));
            }
        }
        return units;
    }

    /**
     * A Markdown table's rows, each read with the column headings: "Canada: Standard $9.95; Express $24.95"
     * for the row "| Canada | $9.95 | $24.95 |" under "| Destination | Standard | Express |".
     */
    private static List<String> rows(List<String> lines) {
        List<List<String>> cells = lines.stream()
            .filter(line -> line.strip().startsWith("|") && !TABLE_SEPARATOR.matcher(line.strip()).matches())
            .map(ExtractiveAnswer::cells)
            .toList();
        if (cells.size() < 2) {
            return List.of();
        }
        List<String> headings = cells.get(0);
        List<String> rows = new ArrayList<>();
        for (List<String> row : cells.subList(1, cells.size())) {
            List<String> values = new ArrayList<>();
            for (int column = 1; column < row.size(); column++) {
                String heading = column < headings.size() ? headings.get(column) : "";
                values.add(heading.isEmpty() ? row.get(column) : heading + " " + row.get(column));
            }
            rows.add(values.isEmpty() ? row.get(0) : row.get(0) + ": " + String.join("; ", values));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        return java.util.Arrays.stream(inner.split("\\|", -1)).map(cell -> plain(cell.strip())).toList();
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
