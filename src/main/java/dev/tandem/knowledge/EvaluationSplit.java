package dev.tandem.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * A deterministic split of evaluation questions by a hash of their text: about 60% for tuning the
 * retrieval parameters, 40% kept apart for validation. A question keeps its side whatever else is
 * in the file, so figures stay comparable as data sets grow.
 */
enum EvaluationSplit {
    ALL,
    TUNE,
    VALIDATION;

    boolean contains(String question) {
        return switch (this) {
            case ALL -> true;
            case TUNE -> bucket(question) < 60;
            case VALIDATION -> bucket(question) >= 60;
        };
    }

    /** 0..99 from the first four bytes of the SHA-256 of the question as written. */
    static int bucket(String question) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(question.getBytes(StandardCharsets.UTF_8));
            int value = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
            return Integer.remainderUnsigned(value, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static EvaluationSplit parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown split '" + text + "': use all, tune or validation");
        }
    }
}
