package dev.tandem.understanding;

import java.time.Instant;
import java.util.UUID;

/** One uploaded (or configured) set of intent examples and where its training stands. */
record IntentSet(UUID id, String fileName, String uploadedBy, Instant uploadedAt, int exampleCount, int labelCount,
        Status status, String phase, int progressDone, int progressTotal, String failure, Double heldOutAccuracy,
        Integer heldOutCount, Long trainingMillis, Instant trainedAt, Integer modelBytes) {

    enum Status {
        QUEUED, TRAINING, READY, FAILED
    }

    boolean isFinished() {
        return status == Status.READY || status == Status.FAILED;
    }

    /** 0..100, over the whole training: embedding is most of the time, so it counts for 90. */
    int percentDone() {
        if (status == Status.READY) {
            return 100;
        }
        if (progressTotal == 0 || phase == null) {
            return 0;
        }
        double share = (double) progressDone / progressTotal;
        return switch (phase) {
            case "EMBEDDING" -> (int) (90 * share);
            case "TRAINING" -> 90 + (int) (9 * share);
            default -> 99;
        };
    }

    /** A label and how many examples it has. */
    record LabelCount(String label, int examples) {
    }
}
