package dev.tandem.understanding;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.ai.Embeddings;

/**
 * Trains intent sets one at a time on a background thread, writing its progress to the set's row
 * (so every node's admin page sees it), then stores the model and puts it in use. A set whose examples
 * are those of a model shipped in the jar (the demo's) takes that model up instead of training
 * ({@link ShippedIntentModels}).
 */
@Component
class IntentTraining {

    private static final Logger log = LoggerFactory.getLogger(IntentTraining.class);

    private final IntentSetRepository sets;
    private final CurrentIntentModel current;
    private final Embeddings embeddings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();
    // One at a time: training uses every core for the embeddings already.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "intent-training");
        thread.setDaemon(true);
        return thread;
    });

    IntentTraining(IntentSetRepository sets, CurrentIntentModel current, Embeddings embeddings,
            ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.sets = sets;
        this.current = current;
        this.embeddings = embeddings;
        this.events = events;
        this.transaction = transaction;
    }

    /** Sets stored before the application is ready (configured, demo, interrupted ones) wait for it. */
    private final List<UUID> waiting = new ArrayList<>();
    private boolean ready;

    /** Queues a stored set's training; called inside a transaction, once it has committed (the trainer reads the set). */
    void submit(UUID id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(id);
                }
            });
        } else {
            queue(id);
        }
    }

    private void queue(UUID id) {
        synchronized (waiting) {
            if (!ready) {
                waiting.add(id);
                return;
            }
        }
        worker.submit(() -> train(id));
    }

    /**
     * Training embeds on every core; started during start-up it would delay readiness (the same
     * reason the embedding model warms up only once the application is ready).
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        List<UUID> queued;
        synchronized (waiting) {
            ready = true;
            queued = List.copyOf(waiting);
            waiting.clear();
        }
        queued.forEach(this::queue);
    }

    private void train(UUID id) {
        try {
            List<IntentExample> examples = sets.examples(id);
            sets.progress(id, IntentSet.Status.TRAINING, IntentModelBuilder.Phase.EMBEDDING.name(), 0, examples.size());
            String outOfScopeLabel = IntentRules.outOfScopeLabel(examples);
            // the demo's intents (and any set with exactly its examples) come trained in the jar
            Optional<IntentModelBuilder.Result> shipped = ShippedIntentModels.matching(examples, outOfScopeLabel);
            var builder = new IntentModelBuilder(embeddings, TrainingSettings.CHOSEN);
            IntentModelBuilder.Result result = shipped.isPresent() ? shipped.get()
                    : builder.build(examples, outOfScopeLabel, true, (phase, done, total) -> {
                        if (phase != IntentModelBuilder.Phase.DONE) {
                            sets.progress(id, IntentSet.Status.TRAINING, phase.name(), done, total);
                        }
                    });
            byte[] model = result.classifier().toBytes();
            var trainedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            transaction.executeWithoutResult(status -> {
                sets.ready(id, result.heldOutAccuracy(), result.heldOutCount(), result.took().toMillis(), trainedAt,
                        model);
                events.publishEvent(new IntentModelTrained(id, result.classifier().labels().size(), examples.size(),
                        result.heldOutAccuracy(), trainedAt));
            });
            current.offer(id, trainedAt, result.classifier());
            if (shipped.isPresent()) {
                log.info("Intent set {}: {} examples, {} labels: the model shipped in the jar for them, in use; "
                        + "held-out accuracy {}", id, examples.size(), result.classifier().labels().size(),
                        result.heldOutAccuracy());
            } else {
                log.info("Intent set {}: {} examples, {} labels trained in {} ms; held-out accuracy {}", id,
                        examples.size(), result.classifier().labels().size(), result.took().toMillis(),
                        result.heldOutAccuracy());
            }
        } catch (RuntimeException e) {
            log.warn("Intent set {} failed to train", id, e);
            sets.failed(id, "Training failed: " + e.getMessage());
        }
    }
}
