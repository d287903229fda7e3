package dev.tandem.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Intents shipped in configuration are trained at start-up into an empty store, and a stored model
 * is loaded as it is, without training again (as after a restart).
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = "tandem.understanding.intents.file=classpath:intents/small.csv")
class ConfiguredIntentsModuleTest {

    @Autowired
    ClassifyIntent classifyIntent;

    @Autowired
    IntentSetRepository sets;

    @Test
    void theConfiguredFileIsTrainedAtStartUpAndItsModelReloadsFromTheDatabase() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (classifyIntent.classify("hello").isEmpty()) {
            assertThat(System.nanoTime()).as("the configured intents trained in time").isLessThan(deadline);
            Thread.sleep(100);
        }
        IntentSet stored = sets.newestReady().orElseThrow();
        assertThat(stored.fileName()).isEqualTo("small.csv");
        assertThat(stored.uploadedBy()).isEqualTo("configuration");

        var afterRestart = new CurrentIntentModel(sets);
        afterRestart.reload();
        assertThat(afterRestart.get()).get().satisfies(loaded -> {
            assertThat(loaded.intentSetId()).isEqualTo(stored.id());
            assertThat(loaded.classifier().labels()).containsExactly("delivery", "out_of_scope", "password", "refund");
        });
        assertThat(sets.recent(10)).hasSize(1);
    }
}
