package dev.tandem.escalation;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import dev.tandem.ai.Embeddings;
import dev.tandem.understanding.MatchableText;

/**
 * A conversation as {@link EscalationModel} sees it, in four blocks:
 * <ol>
 * <li>the meaning (sentence embedding) of the customer's last message, where the reason to hand over
 * usually shows;
 * <li>the meaning of everything the customer said (the mean of their messages' vectors), for what was
 * said earlier (a bereavement in the first message, anger that built up);
 * <li>the meaning of the assistant's last turn: whether it answered, apologised or could not help;
 * <li>TF-IDF over character 3- to 5-grams of the last message: the bundled embedding model knows
 * English, and shared word pieces ("hackead", "abogad", "rembours") carry across the other languages,
 * their spellings and inflections; only pieces the customers of several businesses use (see
 * {@link #fit}), so that one business's vocabulary is not read as a reason.
 * </ol>
 * Each block weighs the same; leaving any one out lowered recall at the same false-positive rate on a
 * development set none of the examples came from (docs/architecture.md, "Escalation").
 */
final class ConversationFeatures {

    private static final int D = Embeddings.DIMENSIONS;
    private static final int MIN_DOCUMENT_FREQUENCY = 2;

    private final Embeddings embeddings;
    private final Map<String, Integer> grams;
    private final double[] idf;

    private ConversationFeatures(Embeddings embeddings, Map<String, Integer> grams, double[] idf) {
        this.embeddings = embeddings;
        this.grams = grams;
        this.idf = idf;
    }

    /**
     * The character n-gram vocabulary of these conversations: grams in at least two of them, and in the
     * conversations of at least {@code minBusinesses} businesses. A gram only one business's customers
     * use ("roaming", "vuelo") names what that business sells, not whether a person is needed.
     *
     * @param businesses the business of each conversation (null: not named; those count as one)
     */
    static ConversationFeatures fit(Embeddings embeddings, List<List<Turn>> conversations, List<String> businesses,
            int minBusinesses) {
        Map<String, Integer> documents = new HashMap<>();
        Map<String, Set<String>> usedBy = new HashMap<>();
        for (int c = 0; c < conversations.size(); c++) {
            String business = String.valueOf(businesses.get(c));
            for (String gram : grams(lastMessage(conversations.get(c))).keySet()) {
                documents.merge(gram, 1, Integer::sum);
                usedBy.computeIfAbsent(gram, g -> new HashSet<>(4)).add(business);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<Double> weights = new ArrayList<>();
        documents.entrySet().stream()
            .filter(e -> e.getValue() >= MIN_DOCUMENT_FREQUENCY && usedBy.get(e.getKey()).size() >= minBusinesses)
            .sorted(Map.Entry.comparingByKey())
            .forEach(e -> {
                index.put(e.getKey(), index.size());
                weights.add(Math.log((conversations.size() + 1.0) / (e.getValue() + 1.0)) + 1);
            });
        return new ConversationFeatures(embeddings, Map.copyOf(index),
                weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The vocabulary, for a stored model; the vectors are not kept (they are worked out again). */
    void write(DataOutputStream out) throws IOException {
        String[] byIndex = new String[grams.size()];
        grams.forEach((gram, i) -> byIndex[i] = gram);
        out.writeInt(byIndex.length);
        for (int i = 0; i < byIndex.length; i++) {
            out.writeUTF(byIndex[i]);
            out.writeDouble(idf[i]);
        }
    }

    static ConversationFeatures read(Embeddings embeddings, DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Integer> index = new HashMap<>(size * 2);
        double[] idf = new double[size];
        for (int i = 0; i < size; i++) {
            index.put(in.readUTF(), i);
            idf[i] = in.readDouble();
        }
        return new ConversationFeatures(embeddings, Map.copyOf(index), idf);
    }

    int size() {
        return 3 * D + grams.size();
    }

    /**
     * The features of many conversations, their texts embedded at once (in batches on all cores) rather
     * than one by one, and not kept: learning must not fill the cache that serves live conversations.
     */
    Feature[][] ofAll(List<List<Turn>> conversations) {
        Map<String, float[]> vectors = vectorsOf(embeddings, conversations);
        return ofAll(conversations, vectors::get);
    }

    /** The features of many conversations whose texts' vectors are known. */
    Feature[][] ofAll(List<List<Turn>> conversations, Function<String, float[]> vectors) {
        return conversations.stream().map(turns -> of(turns, vectors)).toArray(Feature[][]::new);
    }

    /** The vectors of every text the features of these conversations read, embedded at once. */
    static Map<String, float[]> vectorsOf(Embeddings embeddings, List<List<Turn>> conversations) {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (List<Turn> turns : conversations) {
            turns.stream().filter(Turn::fromCustomer).map(Turn::text).forEach(texts::add);
            String ai = lastAssistantTurn(turns);
            if (ai != null) {
                texts.add(ai);
            }
        }
        List<String> distinct = List.copyOf(texts);
        List<float[]> embedded = embeddings.embedPassages(distinct);
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            vectors.put(distinct.get(i), embedded.get(i));
        }
        return vectors;
    }

    /** The features in liblinear's form: 1-based indices, ascending. */
    Feature[] of(List<Turn> turns) {
        return of(turns, this::vector);
    }

    Feature[] of(List<Turn> turns, Function<String, float[]> vectors) {
        List<Feature> features = new ArrayList<>(3 * D + 64);
        dense(features, 0, vectors.apply(lastMessage(turns)));
        dense(features, D, everythingSaid(turns, vectors));
        String ai = lastAssistantTurn(turns);
        if (ai != null) {
            dense(features, 2 * D, vectors.apply(ai));
        }
        Map<Integer, Double> weights = new TreeMap<>();
        double norm = 0;
        for (var gram : grams(lastMessage(turns)).entrySet()) {
            Integer i = grams.get(gram.getKey());
            if (i != null) {
                double weight = (1 + Math.log(gram.getValue())) * idf[i];
                weights.put(i, weight);
                norm += weight * weight;
            }
        }
        double length = Math.sqrt(norm);
        weights.forEach((i, weight) -> features.add(new FeatureNode(3 * D + i + 1, weight / length)));
        return features.toArray(Feature[]::new);
    }

    /** Embeds a text a later conversation will read, now. */
    void prepare(String text) {
        vector(text);
    }

    private float[] vector(String text) {
        // remembered by Embeddings: a customer's messages come back in every later judgement of their
        // conversation, and the knowledge search and the intent classifier read the same message
        return embeddings.embed(text);
    }

    private static void dense(List<Feature> features, int offset, float[] vector) {
        for (int d = 0; d < vector.length; d++) {
            features.add(new FeatureNode(offset + d + 1, vector[d]));
        }
    }

    static String lastMessage(List<Turn> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).fromCustomer()) {
                return turns.get(i).text();
            }
        }
        return "";
    }

    /**
     * The mean of the customer's messages' vectors, normalised: each message is embedded once (later
     * turns find the earlier ones in the cache), where embedding all of it again after every message
     * cost 10-20 ms a turn.
     */
    private static float[] everythingSaid(List<Turn> turns, Function<String, float[]> vectors) {
        float[] mean = new float[D];
        for (Turn turn : turns) {
            if (turn.fromCustomer()) {
                float[] vector = vectors.apply(turn.text());
                for (int d = 0; d < D; d++) {
                    mean[d] += vector[d];
                }
            }
        }
        double norm = 0;
        for (float v : mean) {
            norm += v * v;
        }
        double length = Math.sqrt(norm);
        for (int d = 0; d < D && length > 0; d++) {
            mean[d] /= (float) length;
        }
        return mean;
    }

    static String lastAssistantTurn(List<Turn> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (!turns.get(i).fromCustomer()) {
                return turns.get(i).text();
            }
        }
        return null;
    }

    private static Map<String, Integer> grams(String text) {
        Map<String, Integer> grams = new HashMap<>();
        for (String word : MatchableText.of(text).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = " " + word + " ";
            for (int size = 3; size <= 5; size++) {
                for (int i = 0; i + size <= padded.length(); i++) {
                    grams.merge(padded.substring(i, i + size), 1, Integer::sum);
                }
            }
        }
        return grams;
    }
}
