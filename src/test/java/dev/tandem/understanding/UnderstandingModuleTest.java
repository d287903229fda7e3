package dev.tandem.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The understanding module on its own with the model access it uses: an uploaded set trains in the
 * background, announces its model, and classifies with it.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class UnderstandingModuleTest {

    @Autowired
    TrainIntents trainIntents;

    @Autowired
    ClassifyIntent classifyIntent;

    @Test
    void anUploadedSetTrainsAndIsUsed(Scenario scenario) throws IOException {
        byte[] csv = IntentsApiTest.smallCsv();
        scenario.stimulate(() -> trainIntents.upload("module.csv", csv, "tests"))
            .andWaitAtMost(Duration.ofMinutes(2))
            .andWaitForEventOfType(IntentModelTrained.class)
            .toArriveAndVerify((event, id) -> {
                assertThat(event.intentSetId()).isEqualTo(id);
                assertThat(event.labels()).isEqualTo(4);
                assertThat(event.examples()).isEqualTo(30);
                assertThat(classifyIntent.classify("how do I reset my password")).hasValueSatisfying(intent -> {
                    assertThat(intent.label()).isEqualTo("password");
                    assertThat(intent.outOfScope()).isFalse();
                });
            });
    }
}
