package dev.tandem.escalation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the policy its learned opinion after start-up, on a background thread: from the database when
 * these examples were learned before (a second), otherwise by learning them (minutes of embedding,
 * which must not hold up start-up) and storing the result. Until it is done the word rules decide alone.
 */
@Component
class ExampleLearning {

    enum Outcome {
        LOADED, LEARNED, OFF
    }

    private static final Logger log = LoggerFactory.getLogger(ExampleLearning.class);

    private final EscalationPolicy policy;
    private final EscalationProperties properties;
    private final EscalationModelStore store;
    private final Clock clock;

    ExampleLearning(EscalationPolicy policy, EscalationProperties properties, EscalationModelStore store, Clock clock) {
        this.policy = policy;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStartUp() {
        if (!properties.learnFromExamples() || policy.model() == null) {
            return;
        }
        Thread learning = new Thread(() -> {
            try {
                learnOrLoad(policy.examples());
            } catch (RuntimeException e) {
                log.warn("Could not learn the escalation examples; the word rules decide alone", e);
            }
        }, "escalation-examples");
        learning.setDaemon(true);
        learning.setPriority(Thread.MIN_PRIORITY);
        learning.start();
    }

    Outcome learnOrLoad(List<LabelledConversation> examples) {
        EscalationModel model = policy.model();
        if (model == null) {
            return Outcome.OFF;
        }
        String fingerprint = model.fingerprintOf(examples);
        Optional<byte[]> stored = stored(fingerprint);
        if (stored.isPresent()) {
            try {
                model.restore(stored.get());
                log.info("Escalation model of {} examples loaded", examples.size());
                return Outcome.LOADED;
            } catch (RuntimeException unreadable) {
                log.warn("The stored escalation model could not be read; learning the examples again", unreadable);
            }
        }
        long started = System.nanoTime();
        model.learn(examples);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
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
