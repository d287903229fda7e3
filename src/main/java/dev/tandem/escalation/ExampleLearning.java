package dev.tandem.escalation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Gives the policy its learned opinion at start-up, on a background thread started as soon as this
 * bean exists (during the context refresh, before the application runners and readiness), in this order:
 * <ol>
 * <li>the model shipped in the jar, when it was learned from the examples, settings and feature format in
 * effect ({@link ShippedModel}; the shipped examples and settings): one to two seconds;
 * <li>the one stored in the database, when these examples were learned here before (a customer's own
 * examples or settings): a second;
 * <li>otherwise it learns them (minutes of embedding, so only once the application is ready, at low
 * priority) and stores the result for every later start and every node.
 * </ol>
 * Until then the word rules decide alone; {@link EscalationPolicy#learnedOpinionReady()} says when it is done.
 */
@Component
class ExampleLearning {

    enum Outcome {
        SHIPPED, LOADED, LEARNED, OFF
    }

    private static final Logger log = LoggerFactory.getLogger(ExampleLearning.class);

    private final EscalationPolicy policy;
    private final EscalationProperties properties;
    private final EscalationModelStore store;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();
    /** Learning waits for this: it must not compete with start-up for the cores. */
    private final CompletableFuture<Void> applicationReady = new CompletableFuture<>();

    ExampleLearning(EscalationPolicy policy, EscalationProperties properties, EscalationModelStore store, Clock clock) {
        this.policy = policy;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Readiness waits for the learned opinion, so loading it starts as soon as this bean exists, beside the rest
     * of the context refresh (after the refresh it was the last thing a restart waited for).
     */
    @PostConstruct
    void loadWhileStarting() {
        if (!properties.learnFromExamples() || policy.model() == null) {
            policy.learnedOpinionSettled();
            return;
        }
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread learning = new Thread(() -> {
            try {
                loadOrLearn(policy.examples(), true);
            } catch (RuntimeException e) {
                log.warn("Could not learn the escalation examples; the word rules decide alone", e);
            } finally {
                policy.learnedOpinionSettled();
            }
        }, "escalation-examples");
        learning.setDaemon(true);
        learning.start();
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStartUp() {
        applicationReady.complete(null);
    }

    /** Loads or learns these examples on the caller's thread, at once (tests). */
    Outcome learnOrLoad(List<LabelledConversation> examples) {
        return loadOrLearn(examples, false);
    }

    /**
     * @param atStartUp learning (not loading) waits for the application to be ready and runs at low
     *     priority, so readiness must not wait for {@code ApplicationReadyEvent} to be followed by learning
     */
    private Outcome loadOrLearn(List<LabelledConversation> examples, boolean atStartUp) {
        EscalationModel model = policy.model();
        if (model == null) {
            return Outcome.OFF;
        }
        long started = System.nanoTime();
        String fingerprint = model.fingerprintOf(examples);
        Optional<byte[]> shipped = ShippedModel.matching(fingerprint);
        if (shipped.isPresent()) {
            try {
                model.restore(shipped.get());
                log.info("Escalation model of {} examples loaded from the jar in {} ms", examples.size(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return Outcome.SHIPPED;
            } catch (RuntimeException unreadable) {
                log.warn("The escalation model shipped in the jar could not be read; trying the database", unreadable);
            }
        }
        Optional<byte[]> stored = stored(fingerprint);
        if (stored.isPresent()) {
            try {
                model.restore(stored.get());
                log.info("Escalation model of {} examples loaded from the database in {} ms", examples.size(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return Outcome.LOADED;
            } catch (RuntimeException unreadable) {
                log.warn("The stored escalation model could not be read; learning the examples again", unreadable);
            }
        }
        log.info("Escalation examples ({}) differ from those of the model shipped in the jar and none learned from them "
                + "is stored; learning them{}", examples.size(), atStartUp ? " once the application is ready" : "");
        if (atStartUp) {
            applicationReady.join();
            Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        }
        long learning = System.nanoTime();
        model.learn(examples);
        Duration took = Duration.ofNanos(System.nanoTime() - learning);
        log.info("Escalation examples learned in {} ms", took.toMillis());
        try {
            store.save(fingerprint, examples.size(), clock.instant(), took, model.toBytes());
        } catch (RuntimeException e) {
            log.warn("Could not store the escalation model; the next start learns the examples again", e);
        }
        return Outcome.LEARNED;
    }

    private Optional<byte[]> stored(String fingerprint) {
        try {
            return store.find(fingerprint);
        } catch (RuntimeException e) {
            log.warn("Could not read the stored escalation model; learning the examples", e);
            return Optional.empty();
        }
    }
}
