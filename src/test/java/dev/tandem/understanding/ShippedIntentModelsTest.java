package dev.tandem.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo's intents come trained in the jar, and the shipped model is the one their examples would train. */
class ShippedIntentModelsTest {

    @Test
    void theDemoIntentsHaveAShippedModel() throws IOException {
        List<IntentExample> demo = ShipDemoIntentModel.demoExamples();
        String outOfScope = IntentRules.outOfScopeLabel(demo);

        assertThat(ShippedIntentModels.matching(demo, outOfScope)).withFailMessage("""
                No intent model ships for the demo's intents (%s, fingerprint %s): the CSV, the training settings \
                or the model's format changed since it was built. Rebuild it from the repository's root with
                    %s
                and commit src/main/resources/%s.""", ShipDemoIntentModel.DEMO_INTENTS,
                ShippedIntentModels.fingerprintOf(demo, outOfScope), ShippedIntentModels.REBUILD, ShippedIntentModels.FOLDER)
            .hasValueSatisfying(shipped -> {
                assertThat(shipped.classifier().labels()).containsAll(demo.stream().map(IntentExample::label)
                    .filter(label -> !label.equals(outOfScope)).distinct().toList());
                assertThat(shipped.heldOutAccuracy()).isNotNull();
            });
    }

    @Test
    void otherExamplesAreTrained() throws IOException {
        List<IntentExample> changed = new ArrayList<>(ShipDemoIntentModel.demoExamples());
        changed.add(new IntentExample("do you sell tents for five people", changed.get(0).label()));

        assertThat(ShippedIntentModels.matching(changed, IntentRules.outOfScopeLabel(changed))).isEmpty();
    }
}
