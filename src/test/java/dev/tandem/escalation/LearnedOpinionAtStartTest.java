package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.TandemTest;

/**
 * A fresh start with the shipped examples takes up the model shipped in the jar: nothing is learned or
 * stored, and the policy says its learned opinion is ready. (Its own context: the other tests run with
 * the learned opinion off.)
 */
@TandemTest
@TestPropertySource(properties = "tandem.escalation.learn-from-examples=true")
class LearnedOpinionAtStartTest {

    @Autowired
    EscalationPolicy policy;

    @Autowired
    EscalationModelStore store;

    @Test
    void aFreshStartLoadsTheShippedModelWithoutLearning() {
        // a generous bound for a busy build machine: loading takes about a second, learning minutes
        await().atMost(Duration.ofSeconds(60)).until(policy::learnedOpinionReady);

        var examples = policy.examples();
        assertThat(policy.examplesLearned()).isEqualTo(examples.size());
        assertThat(store.find(policy.model().fingerprintOf(examples))).as("learned and stored").isEmpty();
    }
}
