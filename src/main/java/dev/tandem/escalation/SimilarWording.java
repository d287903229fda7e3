package dev.tandem.escalation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.understanding.MatchableText;

/**
 * The labelled example conversations compared by wording rather than meaning: TF-IDF over character
 * 3- to 5-grams of the customer's words. For the languages the bundled embedding model does not
 * know, shared word pieces ("hackead", "abogad", "rembours") are the signal that carries across
 * spellings and inflections.
 */
final class SimilarWording {

    private record Example(String text, boolean escalate, String reason, Map<String, Double> vector) {
    }

    private volatile List<Example> examples = List.of();
    private volatile Map<String, Double> idf = Map.of();

    void learn(List<LabelledConversation> conversations) {
        List<String> texts = conversations.stream().map(c -> SimilarConversations.text(c.turns())).toList();
        List<Map<String, Integer>> counts = texts.stream().map(SimilarWording::grams).toList();
        Map<String, Integer> documents = new HashMap<>();
        counts.forEach(c -> c.keySet().forEach(g -> documents.merge(g, 1, Integer::sum)));
        Map<String, Double> weights = new HashMap<>();
        int n = texts.size();
        documents.forEach((g, df) -> weights.put(g, Math.log((n + 1.0) / (df + 1.0)) + 1));
        List<Example> learned = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LabelledConversation c = conversations.get(i);
            learned.add(new Example(texts.get(i), c.escalate(), c.reason(), vector(counts.get(i), weights)));
        }
        idf = Map.copyOf(weights);
        examples = List.copyOf(learned);
    }

    List<SimilarConversations.Neighbour> nearest(List<Turn> turns, int k) {
        List<Example> known = examples;
        if (known.isEmpty()) {
            return List.of();
        }
        Map<String, Double> query = vector(grams(SimilarConversations.text(turns)), idf);
        return known.stream()
            .map(e -> new SimilarConversations.Neighbour(e.text(), e.escalate(), e.reason(), dot(query, e.vector())))
            .sorted(Comparator.comparingDouble(SimilarConversations.Neighbour::similarity).reversed())
            .limit(k)
            .toList();
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

    /** Sub-linear term frequency times IDF, L2-normalised; grams no example has carry no weight. */
    private static Map<String, Double> vector(Map<String, Integer> counts, Map<String, Double> idf) {
        Map<String, Double> vector = new HashMap<>();
        double norm = 0;
        for (var entry : counts.entrySet()) {
            Double weight = idf.get(entry.getKey());
            if (weight != null) {
                double w = (1 + Math.log(entry.getValue())) * weight;
                vector.put(entry.getKey(), w);
                norm += w * w;
            }
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            vector.replaceAll((g, w) -> w / length);
        }
        return vector;
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double sum = 0;
        for (var entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return sum;
    }
}
