package dev.tandem.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import dev.tandem.ai.Embeddings;

/**
 * What a guard model reads of a message, in three blocks of equal weight: its meaning (the bge-small
 * sentence vector, the same one the escalation policy and the intent classifier read, so a message is
 * embedded once), the signals of the hand-written rules (one feature each), and hashed character 3- to
 * 5-grams of the normalised text. The embedding model knows English; the grams carry across spellings,
 * languages ("ignoriere", "ignorez") and the word pieces of abuse. Hashing (2^14 buckets) needs no
 * vocabulary, so nothing but the weights is stored.
 */
final class TextFeatures {

    static final int GRAM_BUCKETS = 1 << 14;

    private final int signals;

    TextFeatures(int signals) {
        this.signals = signals;
    }

    int size() {
        return Embeddings.DIMENSIONS + signals + GRAM_BUCKETS;
    }

    Feature[] of(float[] vector, double[] ruleSignals, String normalised) {
        List<Feature> features = new ArrayList<>(Embeddings.DIMENSIONS + signals + 256);
        int index = 1;
        for (float v : vector) {
            features.add(new FeatureNode(index++, v));
        }
        for (double s : ruleSignals) {
            if (s != 0) {
                features.add(new FeatureNode(index, s));
            }
            index++;
        }
        Map<Integer, Double> grams = new TreeMap<>();
        String padded = " " + normalised + " ";
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                int bucket = Math.floorMod(padded.substring(i, i + n).hashCode(), GRAM_BUCKETS);
                grams.merge(bucket, 1.0, Double::sum);
            }
        }
        double norm = Math.sqrt(grams.values().stream().mapToDouble(c -> c * c).sum());
        for (var gram : grams.entrySet()) {
            features.add(new FeatureNode(index + gram.getKey(), gram.getValue() / norm));
        }
        return features.toArray(Feature[]::new);
    }
}
