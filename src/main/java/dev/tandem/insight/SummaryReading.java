package dev.tandem.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a summary reads a conversation in the customer's language: the dates and products the customer names
 * and the clauses in which an agent reports something done or promises something, from
 * {@code insight/summaries.properties} (English) and {@code insight/summaries_<language>.properties} (es, fr,
 * de, pt, it). A conversation is read with its language's patterns and with the English ones (a Spanish
 * customer may still write "Friday" or an English product name). What it finds is taken as written: the
 * summary quotes "el 3 de marzo", it never translates or reformats a fact.
 */
final class SummaryReading {

    private static final String ENGLISH = "en";
    private static final Map<String, SummaryReading> BY_LANGUAGE = new ConcurrentHashMap<>();
    private static final int CASE_SENSITIVE = Pattern.UNICODE_CHARACTER_CLASS;
    private static final int ANY_CASE = Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE;

    private final List<Pattern> dates;
    private final List<Pattern> products;
    private final List<Pattern> done;
    private final List<Pattern> promises;

    private SummaryReading(List<Properties> sources) {
        this.dates = patterns(sources, "read.date", CASE_SENSITIVE);
        this.products = patterns(sources, "read.product", CASE_SENSITIVE);
        this.done = patterns(sources, "cue.done", ANY_CASE);
        this.promises = patterns(sources, "cue.promise", ANY_CASE);
    }

    /** The reading for a conversation in {@code language} (ISO 639-1); English alone when unknown or not covered. */
    static SummaryReading of(String language) {
        String key = language == null || language.isBlank() ? ENGLISH : language.strip().toLowerCase(java.util.Locale.ROOT);
        return BY_LANGUAGE.computeIfAbsent(key, SummaryReading::load);
    }

    private static SummaryReading load(String language) {
        List<Properties> sources = new ArrayList<>();
        if (!language.equals(ENGLISH)) {
            read("/insight/summaries_" + language + ".properties").ifPresent(sources::add);
        }
        sources.add(read("/insight/summaries.properties")
            .orElseThrow(() -> new IllegalStateException("/insight/summaries.properties is missing")));
        return new SummaryReading(sources);
    }

    /** A properties file of the class path read as UTF-8; empty when there is none. */
    static java.util.Optional<Properties> read(String resource) {
        try (InputStream in = SummaryReading.class.getResourceAsStream(resource)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return java.util.Optional.of(properties);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Pattern> patterns(List<Properties> sources, String key, int flags) {
        List<Pattern> patterns = new ArrayList<>();
        for (Properties source : sources) {
            String regex = source.getProperty(key);
            if (regex != null && !regex.isBlank()) {
                patterns.add(Pattern.compile(regex, flags));
            }
        }
        if (patterns.isEmpty()) {
            throw new IllegalStateException("No " + key + " in insight/summaries.properties");
        }
        return List.copyOf(patterns);
    }

    /** The dates a text names, as written, in the order found (the language's patterns first). */
    List<String> dates(String text) {
        return find(dates, text, 0);
    }

    /** The product mentions of a text ("Ridgeline hiking boots", "botas Ridgeline"), untrimmed. */
    List<String> products(String text) {
        return find(products, text, 1);
    }

    /** Whether a clause reports something done ("I've started the exchange", "He reembolsado el pedido"). */
    boolean reportsDone(String clause) {
        return matches(done, clause);
    }

    /** Whether a clause promises something ("you'll get a prepaid return label", "recibirá la etiqueta"). */
    boolean promises(String clause) {
        return matches(promises, clause);
    }

    private static boolean matches(List<Pattern> patterns, String clause) {
        String text = apostrophes(clause);
        return patterns.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }

    private static List<String> find(List<Pattern> patterns, String text, int group) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (!found.contains(matcher.group(group))) {
                    found.add(matcher.group(group));
                }
            }
        }
        return found;
    }

    private static String apostrophes(String text) {
        return text.replace('\u2019', '\'');
    }
}
