package dev.tandem.answering;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tandem.ai.Embeddings;
import dev.tandem.knowledge.Passage;
import dev.tandem.knowledge.SearchTerms;

/**
 * Checks that every sentence of a generated answer is supported by the passages it was written
 * from, so that an invented claim never reaches a customer.
 *
 * <p>A sentence is supported when (1) every number, amount, duration, percentage, e-mail address
 * and URL in it occurs in the passages, with the same unit for durations ("30 days" and "30-day"
 * are the same fact, "2 days" and "2 weeks" are not); (2) enough of its content words (the
 * language's Lucene analyzer: lower case, stop words removed, stemmed) occur in the passages it
 * cites; and, for English, (3) it is close in meaning to one passage sentence (bge-small cosine).
 * Courtesy sentences from a short allow-list per language ("Is there anything else I can help
 * with?") need no support. The embedding model knows English only, so other languages rely on
 * (1) and a stricter (2): a paraphrase with different words is then rejected more often, which
 * costs an LLM answer (the extractive answer is used instead), never a wrong one.
 */
@Component
class GroundingCheck {

    /*
     * Thresholds, chosen on the labelled sentences in src/test/resources/grounding/tune.tsv (true
     * paraphrases of the demo articles against invented claims) by GroundingCheckTest (which prints every sentence's scores), then
     * measured once on validation.tsv, written after they were fixed; the figures are in
     * docs/architecture.md ("Grounding check").
     */
    /** Lowest cosine between an English sentence and its closest passage sentence. */
    static final double MIN_SIMILARITY = 0.82;
    /** Lowest share of an English sentence's content words found in the passages it cites. */
    static final double MIN_OVERLAP = 0.60;
    /** The same for languages the embedding model does not know, where overlap is the only semantic check. */
    static final double MIN_OVERLAP_WITHOUT_EMBEDDINGS = 0.75;

    /** One sentence of an answer and the passages (indexes into the passage list) it claims to come from. */
    record Claim(String sentence, List<Integer> passages) {

        Claim {
            passages = List.copyOf(passages);
        }
    }

    /**
     * How one sentence fared.
     *
     * @param similarity the best cosine to a passage sentence (NaN where not computed)
     * @param overlap the share of content words found in the cited passages (NaN where not computed)
     * @param reason why it is unsupported, or {@code "supported"} / {@code "courtesy"}
     */
    record SentenceCheck(String sentence, boolean supported, String reason, double similarity, double overlap) {
    }

    /** Grounded only if every sentence is supported and at least one says something. */
    record Verdict(boolean grounded, List<SentenceCheck> sentences) {

        Verdict {
            sentences = List.copyOf(sentences);
        }

        List<SentenceCheck> unsupported() {
            return sentences.stream().filter(s -> !s.supported()).toList();
        }
    }

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s)\\]>]+");
    private static final Pattern EMAIL = Pattern.compile("(?i)[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern WORD_OR_NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*|%|\\p{L}+");
    private static final Pattern LIST_ITEM = Pattern.compile("(?m)^\\s*(?:\\d+[.)]|[-*•])\\s+");

    private final Embeddings embeddings;
    private final Cache<String, PassageFacts> passageFacts = Caffeine.newBuilder().maximumSize(2_000).build();

    GroundingCheck(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** Checks each sentence of {@code answer} against all the passages. */
    Verdict check(String answer, String language, List<Passage> passages) {
        List<Integer> all = IntStream.range(0, passages.size()).boxed().toList();
        return check(sentences(answer, language).stream().map(s -> new Claim(s, all)).toList(), language, passages);
    }

    /**
     * Checks each claim: numbers against all the passages, words and meaning against the passages it
     * cites (all of them if it cites none).
     */
    Verdict check(List<Claim> claims, String language, List<Passage> passages) {
        String lang = normalisedLanguage(language);
        List<PassageFacts> facts = passages.stream().map(p -> factsOf(p, lang)).toList();
        Set<String> allNumbers = new HashSet<>();
        Set<String> allLiterals = new HashSet<>();
        facts.forEach(f -> {
            allNumbers.addAll(f.facts.numbers());
            allLiterals.addAll(f.facts.literals());
        });
        List<SentenceCheck> checks = new ArrayList<>();
        for (Claim claim : claims) {
            checks.add(checkSentence(claim, lang, facts, allNumbers, allLiterals));
        }
        return verdict(checks);
    }

    /** The verdict on an answer from its sentences' checks, also when they were checked one at a time. */
    static Verdict verdict(List<SentenceCheck> checks) {
        boolean saysSomething = checks.stream().anyMatch(c -> c.supported() && !c.reason().equals("courtesy"));
        return new Verdict(saysSomething && checks.stream().allMatch(SentenceCheck::supported), checks);
    }

    private SentenceCheck checkSentence(Claim claim, String language, List<PassageFacts> passages,
            Set<String> allNumbers, Set<String> allLiterals) {
        String sentence = claim.sentence();
        String plain = plainText(sentence);
        Facts facts = factsOf(plain, language);
        if (facts.isEmpty() && Courtesy.isCourtesy(plain, language)) {
            return new SentenceCheck(sentence, true, "courtesy", Double.NaN, Double.NaN);
        }
        for (String literal : facts.literals()) {
            if (!allLiterals.contains(literal)) {
                return new SentenceCheck(sentence, false, "not in the passages: " + literal, Double.NaN, Double.NaN);
            }
        }
        for (String number : facts.numbers()) {
            if (!allNumbers.contains(number)) {
                return new SentenceCheck(sentence, false, "not in the passages: " + number, Double.NaN, Double.NaN);
            }
        }
        List<PassageFacts> cited = claim.passages().stream()
            .filter(i -> i >= 0 && i < passages.size())
            .map(passages::get)
            .toList();
        if (cited.isEmpty()) {
            cited = passages;
        }
        Set<String> words = contentWords(plain, language);
        double overlap = 1.0;
        if (!words.isEmpty()) {
            Set<String> passageWords = new HashSet<>();
            cited.forEach(p -> passageWords.addAll(p.words));
            overlap = words.stream().filter(passageWords::contains).count() / (double) words.size();
        }
        boolean english = language.equals("en");
        double minOverlap = english ? MIN_OVERLAP : MIN_OVERLAP_WITHOUT_EMBEDDINGS;
        if (overlap < minOverlap) {
            return new SentenceCheck(sentence, false, "too few of its words in the cited passages", Double.NaN,
                    overlap);
        }
        if (!english || words.isEmpty()) {
            return new SentenceCheck(sentence, true, "supported", Double.NaN, overlap);
        }
        float[] vector = embeddings.embedPassages(List.of(plain)).get(0);
        double similarity = -1;
        for (PassageFacts passage : cited) {
            for (float[] candidate : passage.vectors(embeddings)) {
                similarity = Math.max(similarity, dot(vector, candidate));
            }
        }
        if (similarity < MIN_SIMILARITY) {
            return new SentenceCheck(sentence, false, "no passage sentence says this", similarity, overlap);
        }
        return new SentenceCheck(sentence, true, "supported", similarity, overlap);
    }

    /**
     * The sentences of a short answer: each line, each list item, each sentence within them (by the
     * language's {@link BreakIterator}), list markers and Markdown kept.
     */
    static List<String> sentences(String text, String language) {
        List<String> sentences = new ArrayList<>();
        Locale locale = Locale.forLanguageTag(normalisedLanguage(language));
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher marker = LIST_ITEM.matcher(line);
            String prefix = marker.lookingAt() ? marker.group().strip() + " " : "";
            String body = line.substring(prefix.isEmpty() ? 0 : marker.end());
            List<String> pieces = new ArrayList<>();
            BreakIterator breaks = BreakIterator.getSentenceInstance(locale);
            breaks.setText(body);
            int start = breaks.first();
            for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                String piece = body.substring(start, end).strip();
                if (piece.isEmpty()) {
                    continue;
                }
                // BreakIterator also breaks after "?" or "e.g." inside a sentence ("Select **Forgot password?** on
                // the sign-in page"); a piece that goes on in lower case belongs to the one before.
                if (!pieces.isEmpty() && startsInLowerCase(piece)) {
                    pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + " " + piece);
                } else {
                    pieces.add(piece);
                }
            }
            for (int i = 0; i < pieces.size(); i++) {
                sentences.add(i == 0 ? prefix + pieces.get(i) : pieces.get(i));
            }
        }
        return sentences;
    }

    private static boolean startsInLowerCase(String piece) {
        String letters = piece.replaceFirst("^[^\\p{L}\\p{N}]+", "");
        return !letters.isEmpty() && Character.isLowerCase(letters.charAt(0));
    }

    private PassageFacts factsOf(Passage passage, String language) {
        return passageFacts.get(language + '\u0000' + passage.title() + '\u0000' + passage.headingPath() + '\u0000'
                + passage.text(), key -> PassageFacts.of(passage, language));
    }

    /** Numbers, durations and literals of a passage, its content words, and its sentences' vectors once needed. */
    private static final class PassageFacts {

        private final Facts facts;
        private final Set<String> words;
        private final List<String> units;
        private volatile List<float[]> vectors;

        private PassageFacts(Facts facts, Set<String> words, List<String> units) {
            this.facts = facts;
            this.words = words;
            this.units = units;
        }

        static PassageFacts of(Passage passage, String language) {
            List<String> sentences = new ArrayList<>();
            for (String line : passage.text().split("\\R")) {
                String plain = plainText(line);
                if (!plain.isBlank()) {
                    sentences.addAll(sentences(plain, language));
                }
            }
            // Answers often merge two neighbouring sentences into one.
            List<String> units = new ArrayList<>(sentences);
            for (int i = 0; i + 1 < sentences.size(); i++) {
                units.add(sentences.get(i) + " " + sentences.get(i + 1));
            }
            String context = passage.title() + " " + String.join(" ", passage.headingPath());
            String all = plainText(passage.text());
            Set<String> words = contentWords(context + " " + all, language);
            return new PassageFacts(factsOf(context + " " + all, language), words, units);
        }

        List<float[]> vectors(Embeddings embeddings) {
            List<float[]> loaded = vectors;
            if (loaded == null) {
                loaded = units.isEmpty() ? List.of() : embeddings.embedPassages(units);
                vectors = loaded;
            }
            return loaded;
        }
    }

    /**
     * @param numbers normalised numbers ("6.95", "1000") and each duration or percentage as number
     *        and unit ("30 DAY", "10 PERCENT")
     * @param literals lower-cased e-mail addresses and URLs
     */
    record Facts(Set<String> numbers, Set<String> literals) {

        boolean isEmpty() {
            return numbers.isEmpty() && literals.isEmpty();
        }
    }

    static Facts factsOf(String text, String language) {
        Set<String> literals = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            literals.add(trimTrailingPunctuation(url.group().toLowerCase(Locale.ROOT)));
        }
        String withoutUrls = URL.matcher(text).replaceAll(" ");
        Matcher email = EMAIL.matcher(withoutUrls);
        while (email.find()) {
            literals.add(trimTrailingPunctuation(email.group().toLowerCase(Locale.ROOT)));
        }
        rest.append(EMAIL.matcher(withoutUrls).replaceAll(" "));

        List<String> tokens = new ArrayList<>();
        Matcher token = WORD_OR_NUMBER.matcher(rest);
        while (token.find()) {
            tokens.add(token.group().toLowerCase(Locale.ROOT));
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String value = Numbers.value(tokens.get(i), language);
            if (value == null) {
                continue;
            }
            String unit = Numbers.unitAfter(tokens, i);
            boolean digits = Character.isDigit(tokens.get(i).charAt(0));
            if (digits) {
                numbers.add(value);
            }
            if (unit != null) {
                numbers.add(value + " " + unit);
                if (!digits) {
                    // "five days" in a passage supports "5 days" and "5" in an answer
                    numbers.add(value);
                }
            }
        }
        return new Facts(numbers, literals);
    }

    private static String trimTrailingPunctuation(String s) {
        return s.replaceAll("[.,;:!?'\"*_]+$", "");
    }

    /** Markdown reduced to its words: emphasis, links, table pipes, headings and list markers removed. */
    static String plainText(String markdown) {
        String text = markdown
            .replaceAll("\\[([^\\]]*)]\\(([^)]*)\\)", "$1 $2")
            .replaceAll("(?m)^\\s*#+\\s*", "")
            .replaceAll("(?m)^\\s*\\|?\\s*:?-{3,}.*$", "")
            .replaceAll("(?m)^\\s*>\\s?", "");
        text = LIST_ITEM.matcher(text).replaceAll("");
        text = text.replaceAll("(?m)^\\s*\\|\\s*", "").replaceAll("\\s*\\|\\s*$", "").replaceAll("\\s*\\|\\s*", ": ");
        return text.replaceAll("\\*\\*|__|`|(?<!\\w)[*_]|[*_](?!\\w)", "").strip();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static String normalisedLanguage(String language) {
        return language == null || language.isBlank() ? "en"
                : language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    // --- content words --------------------------------------------------------------------------

    /**
     * Words that carry no claim in a support answer but are not on Lucene's stop lists; without
     * them, "You can ..." would count "you" and "can" as evidence.
     */
    private static final Map<String, String> GENERIC_WORDS = Map.of(
            "en", "you your yours we our us i me my can could may might do does did have has had will would "
                    + "also please just simply get got need needs make sure here what which who how when",
            "es", "usted tu tus su sus nosotros nuestro nuestra puede puedes pueden podemos también favor",
            "fr", "vous votre vos nous notre nos pouvez pouvons peut aussi également",
            "de", "sie ihr ihre ihren wir unser unsere kann können auch bitte einfach",
            "pt", "você voce seu sua nós nosso nossa pode podem podemos também favor",
            "it", "lei tuo tua suo sua noi nostro nostra può puoi possono possiamo anche favore",
            "nl", "u uw je jouw wij we ons onze kan kunt kunnen ook alsjeblieft gewoon");

    private static final Map<String, Set<String>> GENERIC_STEMS = new ConcurrentHashMap<>();

    static Set<String> contentWords(String text, String language) {
        Set<String> generic = GENERIC_STEMS.computeIfAbsent(language,
                l -> new HashSet<>(analyze(GENERIC_WORDS.getOrDefault(l, ""), l)));
        Set<String> words = new LinkedHashSet<>();
        for (String term : analyze(text, language)) {
            if (!generic.contains(term) && !term.chars().allMatch(Character::isDigit)) {
                words.add(term);
            }
        }
        return words;
    }

    /** The index's own analysis, so that "refunds" here and "refund" in a passage are one word. */
    private static List<String> analyze(String text, String language) {
        return SearchTerms.of(text, language);
    }

    // --- numbers and units ----------------------------------------------------------------------

    private static final class Numbers {

        private static final Map<String, String> UNITS = units();
        /** Words that may stand between a number and its unit ("3–5 business days", "2 or 3 weeks"). */
        private static final Set<String> BETWEEN = Set.of("to", "and", "or", "business", "working", "calendar",
                "full", "a", "y", "o", "hábiles", "habiles", "laborables", "naturales", "à", "et", "ou", "ouvrés",
                "ouvres", "ouvrables", "bis", "und", "oder", "e", "úteis", "uteis", "lavorativi", "tot", "en", "of");
        /** Small numbers in words; articles ("un", "ein", "een") are left out on purpose. */
        private static final Map<String, String> WORDS = numberWords();

        static String value(String token, String language) {
            if (Character.isDigit(token.charAt(0))) {
                return normalise(token);
            }
            return WORDS.get(language + ":" + token);
        }

        static String normalise(String number) {
            // A separator before exactly three digits groups thousands ("1,000", "1.000"); any other is a decimal point.
            String grouped = number.replaceAll("[.,](?=\\d{3}(?!\\d))", "");
            String decimal = grouped.replace(',', '.');
            String stripped = decimal.replaceFirst("^0+(?=\\d)", "");
            return stripped.contains(".") ? stripped.replaceFirst("\\.?0+$", "") : stripped;
        }

        static String unitAfter(List<String> tokens, int index) {
            for (int i = index + 1; i < tokens.size() && i <= index + 4; i++) {
                String token = tokens.get(i);
                String unit = UNITS.get(token);
                if (unit != null) {
                    return unit;
                }
                if (!BETWEEN.contains(token) && !Character.isDigit(token.charAt(0))) {
                    return null;
                }
            }
            return null;
        }

        private static Map<String, String> units() {
            Map<String, String> units = new java.util.HashMap<>();
            put(units, "DAY", "day days día días dia dias jour jours journée tag tage tagen tages werktag werktage "
                    + "werktagen giorno giorni dag dagen werkdag werkdagen");
            put(units, "WEEK", "week weeks semana semanas semaine semaines woche wochen settimana settimane weken");
            put(units, "MONTH", "month months mes meses mês mois monat monate monaten mese mesi maand maanden");
            put(units, "YEAR", "year years año años ano anos an ans année années jahr jahre jahren anno anni jaar "
                    + "jaren");
            put(units, "HOUR", "hour hours hora horas heure heures stunde stunden ora ore uur uren");
            put(units, "MINUTE", "minute minutes minuto minutos minuten minuti minuut");
            put(units, "PERCENT", "% percent prozent procent");
            return Map.copyOf(units);
        }

        private static Map<String, String> numberWords() {
            Map<String, String> words = new java.util.HashMap<>();
            String[][] table = {
                { "en", "one two three four five six seven eight nine ten eleven twelve" },
                { "es", "- dos tres cuatro cinco seis siete ocho nueve diez once doce" },
                { "fr", "- deux trois quatre cinq six sept huit neuf dix onze douze" },
                { "de", "- zwei drei vier fünf sechs sieben acht neun zehn elf zwölf" },
                { "pt", "- dois três quatro cinco seis sete oito nove dez onze doze" },
                { "it", "- due tre quattro cinque sei sette otto nove dieci undici dodici" },
                { "nl", "- twee drie vier vijf zes zeven acht negen tien elf twaalf" } };
            for (String[] row : table) {
                String[] names = row[1].split(" ");
                for (int n = 0; n < names.length; n++) {
                    if (!names[n].equals("-")) {
                        words.put(row[0] + ":" + names[n], Integer.toString(n + 1));
                    }
                }
            }
            return Map.copyOf(words);
        }

        private static void put(Map<String, String> units, String unit, String forms) {
            for (String form : forms.split(" ")) {
                units.put(form, unit);
            }
        }
    }

    // --- courtesy ---------------------------------------------------------------------------------

    /** Sentences that offer help or thank the customer: they state nothing that could be wrong. */
    private static final class Courtesy {

        private static final Map<String, Set<String>> PHRASES = Map.of(
                "en", Set.of("is there anything else i can help you with", "is there anything else i can help with",
                        "anything else i can help with", "is there anything else i can do for you",
                        "i hope this helps", "hope this helps", "happy to help", "thank you for your patience",
                        "thanks for your patience", "thank you for reaching out", "thanks for reaching out",
                        "let me know if you have any other questions", "let me know if you have any questions",
                        "thank you", "thanks"),
                "es", Set.of("hay algo más en lo que pueda ayudarte", "hay algo más en lo que pueda ayudarle",
                        "espero que esto te ayude", "espero que te ayude", "espero que le ayude", "gracias"),
                "fr", Set.of("puis je vous aider avec autre chose", "puis je vous aider pour autre chose",
                        "y a t il autre chose que je puisse faire pour vous", "j espère que cela vous aide", "merci"),
                "de", Set.of("kann ich ihnen sonst noch helfen", "kann ich dir sonst noch helfen",
                        "ich hoffe das hilft", "ich hoffe das hilft ihnen", "danke"),
                "pt", Set.of("posso ajudar com mais alguma coisa", "posso ajudar em mais alguma coisa",
                        "espero ter ajudado", "obrigado", "obrigada"),
                "it", Set.of("posso aiutarti con qualcos altro", "posso aiutarla con qualcos altro",
                        "spero di esserti stato utile", "spero di esserle stato utile", "grazie"),
                "nl", Set.of("kan ik je nog ergens anders mee helpen", "kan ik u nog ergens anders mee helpen",
                        "kan ik je nog ergens mee helpen", "kan ik u nog ergens mee helpen", "ik hoop dat dit helpt",
                        "bedankt"));

        static boolean isCourtesy(String sentence, String language) {
            String normalised = Normalizer.normalize(sentence, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
            return PHRASES.getOrDefault(language, Set.of()).contains(normalised);
        }
    }
}
