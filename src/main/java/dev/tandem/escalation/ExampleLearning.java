package dev.tandem.escalation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Learns the policy's example conversations after start-up, on a background thread: it embeds
 * hundreds of texts, which must not hold up start-up. Until it is done the word rules decide alone.
 */
@Component
class ExampleLearning {

    private static final Logger log = LoggerFactory.getLogger(ExampleLearning.class);

    private final EscalationPolicy policy;
    private final EscalationProperties properties;

    ExampleLearning(EscalationPolicy policy, EscalationProperties properties) {
        this.policy = policy;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStartUp() {
        if (!properties.learnFromExamples()) {
            return;
        }
        Thread learning = new Thread(() -> {
            try {
                long started = System.nanoTime();
                policy.learnExamples();
                log.info("Escalation examples learned in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Could not learn the escalation examples; the word rules decide alone", e);
            }
        }, "escalation-examples");
        learning.setDaemon(true);
        learning.setPriority(Thread.MIN_PRIORITY);
        learning.start();
    }
}
