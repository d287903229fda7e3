package dev.tandem.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Carries a customer's question into English with a bilingual support glossary, so that a question in
 * Spanish, French, German, Portuguese or Italian finds the English article that answers it. The bundled
 * embedding model reads English only, and no multilingual model or translation model ships in a Maven
 * artifact; with an LLM configured the assistant asks it instead.
 *
 * <p>The glossaries ({@code knowledge/glossary/<language>.tsv}) list what customers type, a word or a
 * phrase, and the English words a help article would use. Both sides of a lookup are lower-cased,
 * accent-folded and stemmed with the language's Snowball stemmer (German also reads "ue" as "ü"), so
 * one line covers the inflections, and a question typed without accents matches. Phrases of up to four
 * words match first, longest first, skipping the language's stop words between them. A word the
 * glossary does not know is kept (a name, a number, "PayPal"); a stop word it does not know is dropped.
 * Thread-safe; the glossaries load once.
 */
public final class Glossary {

    private static final int LONGEST_PHRASE = 4;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Map<String, Supplier<SnowballStemmer>> STEMMERS = Map.of(
            "es", SpanishStemmer::new,
            "fr", FrenchStemmer::new,
            "de", GermanStemmer::new,
            "pt", PortugueseStemmer::new,
            "it", ItalianStemmer::new);
    private static final Map<String, Supplier<CharArraySet>> STOP_WORDS = Map.of(
            "es", SpanishAnalyzer::getDefaultStopSet,
            "fr", FrenchAnalyzer::getDefaultStopSet,
            "de", GermanAnalyzer::getDefaultStopSet,
            "pt", PortugueseAnalyzer::getDefaultStopSet,
            "it", ItalianAnalyzer::getDefaultStopSet);

    private static final Glossary BUNDLED = load();

    private final Map<String, Language> languages;

    private Glossary(Map<String, Language> languages) {
        this.languages = Map.copyOf(languages);
    }

    /** The glossaries shipped in the jar. */
    public static Glossary bundled() {
        return BUNDLED;
    }

    /** Whether a question in {@code language} can be carried into English. */
    public boolean carriesIntoEnglish(String language) {
        return languages.containsKey(language);
    }

    /** The question in English words, or empty when there is no glossary for its language. */
    public Optional<String> intoEnglish(String question, String language) {
        Language glossary = languages.get(language);
        return glossary == null ? Optional.empty() : Optional.of(glossary.translate(question));
    }

    /** Entries per language, for the record. */
    public Map<String, Integer> size() {
        Map<String, Integer> sizes = new HashMap<>();
        languages.forEach((language, glossary) -> sizes.put(language, glossary.entries.size()));
        return sizes;
    }

    /** A glossary of the given lines ({@code foreign[|variant...]<TAB>english}) for one language. */
    static Glossary of(String language, List<String> lines) {
        Language glossary = new Language(language);
        lines.forEach(glossary::add);
        return new Glossary(Map.of(language, glossary));
    }

    private static Glossary load() {
        Map<String, Language> languages = new HashMap<>();
        for (String language : STEMMERS.keySet()) {
            InputStream stream = Glossary.class.getResourceAsStream("/knowledge/glossary/" + language + ".tsv");
            if (stream == null) {
                continue;
            }
            Language glossary = new Language(language);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    glossary.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The " + language + " glossary could not be read", e);
            }
            languages.put(language, glossary);
        }
        return new Glossary(languages);
    }

    /** One language's glossary: stemmed word sequences to English words. */
    private static final class Language {

        private final String code;
        private final Locale locale;
        private final CharArraySet stopWords;
        private final Map<String, String> entries = new HashMap<>();
        /** Stop words the glossary lists, as written: "no" means "not", but "para" is not a form of "parar". */
        private final Map<String, String> stopWordEntries = new HashMap<>();

        Language(String code) {
            this.code = code;
            this.locale = Locale.forLanguageTag(code);
            this.stopWords = STOP_WORDS.get(code).get();
        }

        /** {@code foreign[|variant...]<TAB>english}; blank lines and lines starting with # are skipped. */
        void add(String line) {
            if (line.isBlank() || line.startsWith("#")) {
                return;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                return;
            }
            String english = line.substring(tab + 1).trim();
            for (String variant : line.substring(0, tab).split("\\|")) {
                List<Token> tokens = tokens(variant);
                if (tokens.isEmpty() || tokens.size() > LONGEST_PHRASE) {
                    continue;
                }
                if (tokens.size() == 1 && tokens.get(0).stop()) {
                    stopWordEntries.putIfAbsent(tokens.get(0).folded(), english);
                    continue;
                }
                // the first line that lists a word wins: the files put the most telling meaning first
                putIfAbsent(tokens, english);
                List<Token> content = tokens.stream().filter(token -> !token.stop()).toList();
                if (content.size() >= 2 && content.size() < tokens.size()) {
                    // "tarjeta de regalo" also matches "tarjeta regalo" and "tarjeta para regalo"
                    putIfAbsent(content, english);
                }
            }
        }

        /**
         * Under the stems of the words as folded and as written: a stemmer reads suffixes with their accents
         * ("devolución" and "devoluciones" share a stem only so), while customers often type without them.
         */
        private void putIfAbsent(List<Token> words, String english) {
            entries.putIfAbsent(key(words, Token::key), english);
            entries.putIfAbsent(key(words, Token::accentedKey), english);
        }

        private String lookUp(List<Token> words) {
            String english = entries.get(key(words, Token::key));
            return english != null ? english : entries.get(key(words, Token::accentedKey));
        }

        String translate(String question) {
            List<Token> tokens = tokens(question);
            List<String> english = new ArrayList<>();
            int i = 0;
            while (i < tokens.size()) {
                Token token = tokens.get(i);
                int matched = matchPhrase(tokens, i, english);
                if (matched > 0) {
                    i = matched;
                    continue;
                }
                String word = token.stop() ? stopWordEntries.get(token.folded()) : lookUp(List.of(token));
                if (word != null) {
                    english.add(word);
                } else if (!token.stop()) {
                    english.add(token.folded());
                }
                i++;
            }
            return String.join(" ", english);
        }

        /**
         * The longest phrase of two or more words starting at {@code from}, as typed or without the stop words
         * between its words; adds its English and returns the index after it, or 0 when none matches.
         */
        private int matchPhrase(List<Token> tokens, int from, List<String> english) {
            for (int n = Math.min(LONGEST_PHRASE, tokens.size() - from); n >= 2; n--) {
                String word = lookUp(tokens.subList(from, from + n));
                if (word != null) {
                    english.add(word);
                    return from + n;
                }
            }
            if (tokens.get(from).stop()) {
                return 0;
            }
            List<Integer> content = new ArrayList<>(LONGEST_PHRASE);
            for (int j = from; j < tokens.size() && content.size() < LONGEST_PHRASE; j++) {
                if (!tokens.get(j).stop()) {
                    content.add(j);
                }
            }
            for (int n = content.size(); n >= 2; n--) {
                String word = lookUp(content.subList(0, n).stream().map(tokens::get).toList());
                if (word != null) {
                    english.add(word);
                    return content.get(n - 1) + 1;
                }
            }
            return 0;
        }

        private List<Token> tokens(String text) {
            SnowballStemmer stemmer = STEMMERS.get(code).get();
            List<Token> tokens = new ArrayList<>();
            Matcher words = WORD.matcher(text.toLowerCase(locale));
            while (words.find()) {
                String word = words.group();
                String folded = fold(word);
                String key = stem(stemmer, code.equals("de") ? umlautsSpelledOut(folded) : folded);
                String accentedKey = fold(stem(stemmer, word));
                tokens.add(new Token(folded, key, accentedKey, stopWords.contains(word) || stopWords.contains(folded)));
            }
            return tokens;
        }

        private static String key(List<Token> tokens, Function<Token, String> keyOfOne) {
            StringBuilder key = new StringBuilder();
            for (Token token : tokens) {
                if (!key.isEmpty()) {
                    key.append(' ');
                }
                key.append(keyOfOne.apply(token));
            }
            return key.toString();
        }
    }

    /**
     * A word of a text: as typed (lower-cased, accents folded), the stem of that, the stem of the word as typed
     * (accents folded after stemming), and whether it is a stop word.
     */
    private record Token(String folded, String key, String accentedKey, boolean stop) {
    }

    private static String stem(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static String fold(String word) {
        char[] in = word.toCharArray();
        char[] out = new char[in.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, length);
    }

    /** German typed without umlauts writes "ue" for "ü": read both the same way (after folding "ü" is "u"). */
    private static String umlautsSpelledOut(String folded) {
        return folded.replace("ae", "a").replace("oe", "o").replace("ue", "u");
    }
}
