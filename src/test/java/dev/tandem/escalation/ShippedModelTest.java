package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import dev.tandem.ai.Embeddings;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

/** The escalation model shipped in the jar is the one the shipped examples and settings would learn. */
class ShippedModelTest {

    private static EscalationPolicy bundledPolicy() {
        // the embedding model does not load here: nothing is embedded
        return new EscalationPolicy(EscalationRules.load(new ClassPathResource("escalation/rules.yml")), true,
                new SentimentAnalysis(), new EntityExtraction(), Embeddings.bundledModel());
    }

    @Test
    void theShippedModelWasLearnedFromTheShippedExamplesAndSettings() {
        var policy = bundledPolicy();
        String current = policy.model().fingerprintOf(policy.examples());
        assertThat(ShippedModel.fingerprint()).withFailMessage("""
                The escalation model shipped in the jar (%s) is stale: the examples in escalation/examples/, \
                the learned settings of escalation/rules.yml or the feature format changed since it was built \
                (shipped fingerprint %s, now %s). Rebuild it from the repository's root with
                    %s
                and commit src/main/resources/escalation/learned-model.bin and learned-model.fingerprint.""",
                ShippedModel.MODEL, ShippedModel.fingerprint().orElse("none"), current, ShippedModel.REBUILD)
            .contains(current);
    }

    @Test
    void theShippedModelReadsAndKnowsEveryExample() {
        var policy = bundledPolicy();
        List<LabelledConversation> examples = policy.examples();
        byte[] shipped = ShippedModel.matching(policy.model().fingerprintOf(examples)).orElseThrow();

        policy.model().restore(shipped);

        assertThat(policy.examplesLearned()).isEqualTo(examples.size());
    }

    @Test
    void otherExamplesOrSettingsDoNotMatchIt() {
        var examples = bundledPolicy().examples();
        assertThat(ShippedModel.matching(new EscalationModel(null, 32, 1, 1).fingerprintOf(examples.subList(1, examples.size()))))
            .isEmpty();
        assertThat(ShippedModel.matching(new EscalationModel(null, 16, 1, 1).fingerprintOf(examples))).isEmpty();
    }
}
