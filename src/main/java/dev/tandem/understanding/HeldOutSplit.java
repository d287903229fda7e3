package dev.tandem.understanding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stratified, reproducible held-out slice of training examples: within each label, examples are
 * ordered by the SHA-256 of their text and every {@code every}-th one is held out; a label with
 * fewer than {@code every} examples gives one, and a label with fewer than five gives none, so
 * that no label disappears from training.
 */
record HeldOutSplit(List<IntentExample> train, List<IntentExample> heldOut) {

    static final int MIN_TO_HOLD_OUT = 5;

    static HeldOutSplit of(List<IntentExample> examples, int every) {
        return of(examples, every, every - 1);
    }

    /** @param fold which of the {@code every} positions is held out (tuning looks at several) */
    static HeldOutSplit of(List<IntentExample> examples, int every, int fold) {
        Map<String, List<IntentExample>> byLabel = new LinkedHashMap<>();
        for (IntentExample example : examples) {
            byLabel.computeIfAbsent(example.label(), l -> new ArrayList<>()).add(example);
        }
        List<IntentExample> train = new ArrayList<>();
        List<IntentExample> heldOut = new ArrayList<>();
        for (List<IntentExample> group : byLabel.values()) {
            if (group.size() < MIN_TO_HOLD_OUT) {
                train.addAll(group);
                continue;
            }
            List<IntentExample> ordered = group.stream().sorted(Comparator.comparing(e -> hash(e.text()))).toList();
            int single = group.size() < every ? fold % group.size() : -1;
            for (int i = 0; i < ordered.size(); i++) {
                boolean held = single >= 0 ? i == single : i % every == fold;
                (held ? heldOut : train).add(ordered.get(i));
            }
        }
        return new HeldOutSplit(train, heldOut);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
