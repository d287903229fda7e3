package dev.tandem.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole English words the bundled embedding model's vocabulary holds (about 22,500): what English
 * knows as a word, as opposed to a typo. Read once from the model artifact's tokenizer, so no word list of
 * our own has to be kept.
 */
public final class EnglishWords {

    private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";
    private static final Set<String> WORDS = load();

    private EnglishWords() {
    }

    /** Whether {@code word}, lower-cased, is an English word of the vocabulary. */
    public static boolean known(String word) {
        return WORDS.contains(word);
    }

    private static Set<String> load() {
        try (InputStream tokenizer = EnglishWords.class.getResourceAsStream(TOKENIZER)) {
            if (tokenizer == null) {
                throw new IllegalStateException("the bundled embedding model's tokenizer is missing: " + TOKENIZER);
            }
            JsonNode vocabulary = JsonMapper.builder().build().readTree(tokenizer).path("model").path("vocab");
            Set<String> words = new HashSet<>();
            for (String token : vocabulary.propertyNames()) {
                // "##ing" continues a word; "[CLS]" and "[unused1]" are the model's own
                if (!token.startsWith("##") && token.chars().allMatch(Character::isLetter)) {
                    words.add(token);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled embedding model's tokenizer could not be read", e);
        }
    }
}
