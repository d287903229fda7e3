package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import dev.tandem.TandemTest;
import dev.tandem.ai.Embeddings;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * The learned opinion is learned once and loaded at every later start, on H2 and on PostgreSQL. The
 * policies here are the test's own: the application's shared one decides by its rules alone in tests.
 */
@TandemTest
class EscalationModelPersistenceTest {

    @Autowired
    EscalationModelStore store;

    @Autowired
    Embeddings embeddings;

    @Autowired
    Clock clock;

    @Autowired
    EscalationPolicy applicationPolicy;

    private ExampleLearning learningFor(EscalationPolicy policy) {
        return new ExampleLearning(policy, new EscalationProperties(true, null, true), store, clock);
    }

    private EscalationPolicy newPolicy() {
        return new EscalationPolicy(EscalationRules.load(new ClassPathResource("escalation/rules.yml")), true,
                new SentimentAnalysis(), new EntityExtraction(), embeddings);
    }

    private static LabelledConversation labelled(String text, boolean escalate, String reason) {
        return new LabelledConversation(List.of(Turn.customer(text)), escalate, reason, "en");
    }

    private static final List<LabelledConversation> EXAMPLES = List.of(
            labelled("The strap of the child carrier broke with my baby in it", true, "high_stakes"),
            labelled("The stove caught fire in the tent", true, "high_stakes"),
            labelled("my husband died last month and I need to close his account", true, "vulnerable"),
            labelled("How long does standard shipping take?", false, "none"),
            labelled("Do you ship to Canada?", false, "none"),
            labelled("Can I pay with a gift card?", false, "none"));

    /** With learning switched off (as in these tests) nothing is to wait for. */
    @Test
    void withLearningOffTheLearnedOpinionIsReadyAtOnce() {
        assertThat(applicationPolicy.learnedOpinionReady()).isTrue();
        assertThat(applicationPolicy.examplesLearned()).isZero();
    }

    /** The shipped examples: the model shipped in the jar, nothing learned, nothing stored. */
    @Test
    void aFreshStartLoadsTheShippedModelWithoutLearning() {
        var policy = newPolicy();
        List<LabelledConversation> shipped = policy.examples();

        assertThat(learningFor(policy).learnOrLoad(shipped)).isEqualTo(ExampleLearning.Outcome.SHIPPED);

        assertThat(policy.examplesLearned()).isEqualTo(shipped.size());
        assertThat(store.find(policy.model().fingerprintOf(shipped))).isEmpty();
    }

    @Test
    void learnsOnceThenEveryStartLoadsTheStoredModel() {
        var first = newPolicy();
        assertThat(learningFor(first).learnOrLoad(EXAMPLES)).isEqualTo(ExampleLearning.Outcome.LEARNED);
        String fingerprint = first.model().fingerprintOf(EXAMPLES);
        assertThat(store.find(fingerprint)).isPresent();

        var restarted = newPolicy();
        assertThat(learningFor(restarted).learnOrLoad(EXAMPLES)).isEqualTo(ExampleLearning.Outcome.LOADED);
        assertThat(restarted.examplesLearned()).isEqualTo(EXAMPLES.size());
        List<Turn> hazard = List.of(Turn.customer("the carrier buckle snapped with my son in it"));
        assertThat(restarted.model().judge(hazard).orElseThrow().likelihood())
            .isEqualTo(first.model().judge(hazard).orElseThrow().likelihood());
    }

    @Test
    void otherExamplesAreLearnedAgainAndReplaceTheStoredModel() {
        var policy = newPolicy();
        learningFor(policy).learnOrLoad(EXAMPLES);
        String before = policy.model().fingerprintOf(EXAMPLES);

        List<LabelledConversation> more = new java.util.ArrayList<>(EXAMPLES);
        more.add(labelled("someone changed my account email and it wasn't me", true, "high_stakes"));
        assertThat(learningFor(newPolicy()).learnOrLoad(more)).isEqualTo(ExampleLearning.Outcome.LEARNED);

        assertThat(store.find(before)).isEmpty();
        assertThat(store.find(policy.model().fingerprintOf(more))).isPresent();
    }

    @Test
    void anUnreadableStoredModelIsLearnedAgain() {
        var policy = newPolicy();
        List<LabelledConversation> examples = List.of(labelled("I was charged for an order I never made", true, "high_stakes"),
                labelled("What are your opening hours?", false, "none"));
        String fingerprint = policy.model().fingerprintOf(examples);
        store.save(fingerprint, examples.size(), clock.instant(), java.time.Duration.ZERO, new byte[] { 1, 2, 3 });

        assertThat(learningFor(policy).learnOrLoad(examples)).isEqualTo(ExampleLearning.Outcome.LEARNED);
        assertThat(policy.examplesLearned()).isEqualTo(2);
        assertThat(store.find(fingerprint).orElseThrow()).hasSizeGreaterThan(3);
    }
}
