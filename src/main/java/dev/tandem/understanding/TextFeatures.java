package dev.tandem.understanding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The lexical half of an intent's features: TF-IDF over word unigrams and bigrams and over character
 * n-grams within words, each block L2-normalised. The sentence embedding knows what a message
 * means; these carry the exact words that tell near-synonymous intents apart ("top up" by card vs.
 * by transfer, "pending" vs. "failed"), which is where an embedding alone loses most on Banking77.
 *
 * <p>The vocabulary keeps terms seen in at least two training examples: a term seen once cannot
 * generalise and would only grow the model.
 */
final class TextFeatures {

    /** A sparse vector: ascending feature indices (0-based) and their values. */
    record Sparse(int[] indices, float[] values) {
    }

    private static final int MIN_DOCUMENT_FREQUENCY = 2;

    private final Map<String, Integer> index;
    private final float[] idf;
    private final int charMin;
    private final int charMax;
    private final boolean stem;
    /** First index of the character block; word terms come before it. */
    private final int charStart;

    private TextFeatures(Map<String, Integer> index, float[] idf, int charMin, int charMax, boolean stem,
            int charStart) {
        this.index = index;
        this.idf = idf;
        this.charMin = charMin;
        this.charMax = charMax;
        this.stem = stem;
        this.charStart = charStart;
    }

    /** Learns the vocabulary and IDF weights of the training texts; {@code charMax} 0 means no character n-grams. */
    static TextFeatures fit(List<String> texts, int charMin, int charMax, boolean stem) {
        Map<String, Integer> wordDf = new HashMap<>();
        Map<String, Integer> charDf = new HashMap<>();
        for (String text : texts) {
            List<String> words = words(text);
            for (String term : new HashSet<>(wordTerms(stem ? stems(words) : words))) {
                wordDf.merge(term, 1, Integer::sum);
            }
            if (charMax > 0) {
                for (String term : new HashSet<>(charTerms(words, charMin, charMax))) {
                    charDf.merge(term, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<Float> idf = new ArrayList<>();
        int n = texts.size();
        addBlock(wordDf, n, index, idf);
        int charStart = index.size();
        addBlock(charDf, n, index, idf);
        float[] weights = new float[idf.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = idf.get(i);
        }
        return new TextFeatures(index, weights, charMin, charMax, stem, charStart);
    }

    private static void addBlock(Map<String, Integer> df, int n, Map<String, Integer> index, List<Float> idf) {
        // Sorted, so that the same examples always give the same model.
        df.entrySet().stream().filter(e -> e.getValue() >= MIN_DOCUMENT_FREQUENCY).map(Map.Entry::getKey).sorted()
            .forEach(term -> {
                index.put(term, index.size());
                // Smoothed IDF, as in most TF-IDF implementations: every kept term weighs at least 1.
                idf.add((float) (Math.log((1.0 + n) / (1.0 + df.get(term))) + 1));
            });
    }

    int size() {
        return idf.length;
    }

    /** The TF-IDF vector of a text: word and character blocks each of unit length (or empty). */
    Sparse vector(String text) {
        List<String> words = words(text);
        Map<Integer, Float> wordCounts = counts(wordTerms(stem ? stems(words) : words));
        Map<Integer, Float> charCounts = charMax > 0 ? counts(charTerms(words, charMin, charMax)) : Map.of();
        int[] indices = new int[wordCounts.size() + charCounts.size()];
        float[] values = new float[indices.length];
        int at = fill(wordCounts, indices, values, 0);
        fill(charCounts, indices, values, at);
        return new Sparse(indices, values);
    }

    private Map<Integer, Float> counts(List<String> terms) {
        Map<Integer, Float> counts = new HashMap<>();
        for (String term : terms) {
            Integer i = index.get(term);
            if (i != null) {
                counts.merge(i, 1f, Float::sum);
            }
        }
        return counts;
    }

    /** Writes one block, sub-linear TF times IDF, normalised; returns the next free position. */
    private int fill(Map<Integer, Float> counts, int[] indices, float[] values, int from) {
        int[] keys = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double norm = 0;
        for (int k = 0; k < keys.length; k++) {
            float value = (float) ((1 + Math.log(counts.get(keys[k]))) * idf[keys[k]]);
            indices[from + k] = keys[k];
            values[from + k] = value;
            norm += value * value;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int k = 0; k < keys.length; k++) {
            values[from + k] *= scale;
        }
        return from + keys.length;
    }

    boolean isCharFeature(int featureIndex) {
        return featureIndex >= charStart;
    }

    /** Lower-cased runs of letters and digits; an apostrophe inside a word stays ("don't"). */
    static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean inner = (c == '\'' || c == '\u2019') && word.length() > 0 && i + 1 < lower.length()
                    && Character.isLetter(lower.charAt(i + 1));
            if (Character.isLetterOrDigit(c) || inner) {
                word.append(inner ? '\'' : c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** English Snowball stems, so that "transferred", "transfers" and "transferring" count as one word. */
    private static List<String> stems(List<String> words) {
        EnglishStemmer stemmer = new EnglishStemmer();
        List<String> stems = new ArrayList<>(words.size());
        for (String word : words) {
            stemmer.setCurrent(word);
            stemmer.stem();
            stems.add(stemmer.getCurrent());
        }
        return stems;
    }

    private static List<String> wordTerms(List<String> words) {
        List<String> terms = new ArrayList<>(words.size() * 2);
        terms.addAll(words);
        for (int i = 1; i < words.size(); i++) {
            terms.add(words.get(i - 1) + ' ' + words.get(i));
        }
        return terms;
    }

    /** Character n-grams of each word padded with spaces, so that prefixes and suffixes are their own grams. */
    private static List<String> charTerms(List<String> words, int min, int max) {
        List<String> terms = new ArrayList<>();
        for (String word : words) {
            String padded = ' ' + word + ' ';
            for (int n = min; n <= max; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    // '#' marks a character gram so that it never collides with a one-letter word.
                    terms.add('#' + padded.substring(i, i + n));
                }
            }
        }
        return terms;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(charMin);
        out.writeInt(charMax);
        out.writeBoolean(stem);
        out.writeInt(charStart);
        String[] terms = new String[idf.length];
        index.forEach((term, i) -> terms[i] = term);
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeFloat(idf[i]);
        }
    }

    static TextFeatures read(DataInputStream in) throws IOException {
        int charMin = in.readInt();
        int charMax = in.readInt();
        boolean stem = in.readBoolean();
        int charStart = in.readInt();
        int size = in.readInt();
        Map<String, Integer> index = new HashMap<>(size * 2);
        float[] idf = new float[size];
        for (int i = 0; i < size; i++) {
            index.put(in.readUTF(), i);
            idf[i] = in.readFloat();
        }
        return new TextFeatures(index, idf, charMin, charMax, stem, charStart);
    }

    @Override
    public String toString() {
        return "TextFeatures[" + idf.length + " terms, " + (idf.length - charStart) + " character grams]";
    }
}
