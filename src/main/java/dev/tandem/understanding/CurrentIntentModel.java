package dev.tandem.understanding;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The intent model in use on this node: the newest READY set's, loaded from the database at start
 * (no retraining after a restart) and re-checked every 30 s, so that a model trained on another
 * node is picked up too. Reads never lock.
 */
@Component
class CurrentIntentModel {

    private static final Logger log = LoggerFactory.getLogger(CurrentIntentModel.class);

    record Loaded(UUID intentSetId, Instant trainedAt, IntentClassifier classifier) {
    }

    private final IntentSetRepository sets;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();

    CurrentIntentModel(IntentSetRepository sets) {
        this.sets = sets;
    }

    Optional<Loaded> get() {
        return Optional.ofNullable(loaded.get());
    }

    /** Puts a model in use unless a newer one already is (uploads can finish out of order). */
    void offer(UUID id, Instant trainedAt, IntentClassifier classifier) {
        loaded.accumulateAndGet(new Loaded(id, trainedAt, classifier), (old, candidate) -> old == null
                || old.intentSetId().compareTo(candidate.intentSetId()) <= 0 ? candidate : old);
    }

    /**
     * Off the thread that publishes the ready event: readiness follows the ready listeners, and reading a
     * model (a second on a busy machine) serves later analysis, not the customer in front of us.
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        Thread loading = new Thread(this::reload, "intent-model");
        loading.setDaemon(true);
        loading.start();
    }

    @Scheduled(fixedDelayString = "${tandem.understanding.intents.reload-every:30s}", initialDelayString = "30s")
    void reload() {
        try {
            sets.newestReady().ifPresent(set -> {
                Loaded now = loaded.get();
                if (now == null || !now.intentSetId().equals(set.id())) {
                    offer(set.id(), set.trainedAt(), IntentClassifier.fromBytes(sets.model(set.id())));
                    log.info("Intent model of set {} ({} labels) loaded", set.id(), set.labelCount());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not load the intent model", e);
        }
    }
}
