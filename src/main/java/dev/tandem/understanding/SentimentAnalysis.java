package dev.tandem.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the tone of a customer's message from cue words in the seven supported languages and from
 * how it is written (shouting in capitals, runs of exclamation marks). Deliberately a transparent
 * word list rather than a model: every score comes with the cues it rests on, which is what an
 * agent or a supervisor needs to trust an escalation, and it works the same in every language. The
 * cues live in {@code understanding/sentiment.yml}.
 */
@Service
public class SentimentAnalysis {

    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}|[!?]{3,}|\\?!|!\\?");
    private static final double SHOUTING = 0.6;
    private static final double INSISTING = 0.25;
    private static final double COMPLAINING = 0.25;
    private static final double SARCASM_OF_PRAISE = 0.6;

    private final List<Cue> frustration;
    private final List<Cue> satisfaction;
    private final List<Cue> sarcasm;
    private final List<Cue> complaint;
    private final List<Cue> laughter;
    private final List<Cue> waiting;
    private final List<Cue> elsewhere;
    /**
     * Tones already read, by text. A message's tone is asked for again at every later turn of its
     * conversation (the escalation policy, the handoff's trajectory), and reading it tries every cue of
     * seven languages.
     */
    private final Cache<String, Sentiment> read = Caffeine.newBuilder().maximumSize(20_000).build();

    public SentimentAnalysis() {
        Map<String, Map<String, Map<String, Number>>> lists = load("understanding/sentiment.yml");
        this.frustration = cues(lists.get("frustration"));
        this.satisfaction = cues(lists.get("satisfaction"));
        this.sarcasm = cues(lists.get("sarcasm"));
        this.complaint = cues(lists.get("complaint"));
        this.laughter = cues(lists.get("laughter"));
        this.waiting = cues(lists.get("waiting"));
        this.elsewhere = cues(lists.get("elsewhere"));
    }

    public Sentiment analyse(String text) {
        if (text == null || text.isBlank()) {
            return Sentiment.NEUTRAL;
        }
        return read.get(text, this::read);
    }

    private Sentiment read(String text) {
        String matchable = MatchableText.of(text);
        List<String> found = new ArrayList<>();
        double pleased = combine(satisfaction, matchable, found);
        double frustrated = combine(frustration, matchable, found);
        boolean complaining = combine(complaint, matchable, new ArrayList<>()) > 0;
        double sarcastic = combine(sarcasm, matchable, found);
        if (pleased > 0 && complaining) {
            sarcastic = 1 - (1 - sarcastic) * (1 - SARCASM_OF_PRAISE);
        }
        if (sarcastic > 0) {
            // the praise was not meant
            frustrated = 1 - (1 - frustrated) * (1 - sarcastic);
            pleased = 0;
            found.add("sarcasm");
        } else if (combine(laughter, matchable, found) > 0 || combine(elsewhere, matchable, new ArrayList<>()) > 0) {
            frustrated /= 2;
        }
        if (pleased < 0.3) {
            if (complaining || combine(waiting, matchable, new ArrayList<>()) > 0) {
                frustrated = 1 - (1 - frustrated) * (1 - COMPLAINING);
            }
            // "Thanks!!" is enthusiasm; "WHERE IS MY ORDER!!" is not
            if (shouting(text)) {
                frustrated = 1 - (1 - frustrated) * (1 - SHOUTING);
                found.add("ALL CAPS");
            }
            Matcher insisting = EXCLAMATIONS.matcher(text);
            if (insisting.find()) {
                frustrated = 1 - (1 - frustrated) * (1 - INSISTING);
                found.add(insisting.group());
            }
        }
        double polarity = Math.max(-1, Math.min(1, pleased - frustrated));
        return new Sentiment(round(polarity), round(frustrated), found);
    }

    /** Three words in a row in capitals, or most of the words (and at least three). */
    private static boolean shouting(String text) {
        Matcher words = WORD.matcher(text);
        int all = 0;
        int capitals = 0;
        int run = 0;
        int longestRun = 0;
        while (words.find()) {
            all++;
            String word = words.group();
            if (word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT))) {
                capitals++;
                longestRun = Math.max(longestRun, ++run);
            } else {
                run = 0;
            }
        }
        return longestRun >= 3 || capitals >= 3 && capitals * 2 > all;
    }

    private static double combine(List<Cue> cues, String text, List<String> found) {
        double calm = 1;
        for (Cue cue : cues) {
            Matcher matcher = cue.pattern().matcher(text);
            if (matcher.find()) {
                calm *= 1 - cue.weight();
                found.add(matcher.group());
            }
        }
        return 1 - calm;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private record Cue(Pattern pattern, double weight) {
    }

    private static List<Cue> cues(Map<String, Map<String, Number>> byLanguage) {
        List<Cue> cues = new ArrayList<>();
        byLanguage.values().forEach(list -> list.forEach((regex, weight) -> cues.add(
                new Cue(Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS),
                        weight.doubleValue()))));
        return List.copyOf(cues);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Map<String, Number>>> load(String resource) {
        try (InputStream in = SentimentAnalysis.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new LinkedHashMap<>((Map<String, Map<String, Map<String, Number>>>) new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
