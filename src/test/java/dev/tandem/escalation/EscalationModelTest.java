package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import dev.tandem.ai.Embeddings;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

class EscalationModelTest {

    private static EscalationPolicy shipped;

    /** The policy with the shipped examples learned: slow (a few thousand texts embedded), so once. */
    @BeforeAll
    static void learnTheShippedExamples() {
        shipped = EscalationPolicy.standalone(Embeddings.bundledModel());
    }

    private static LabelledConversation labelled(String text, boolean escalate, String reason) {
        return new LabelledConversation(List.of(Turn.customer(text)), escalate, reason, "en");
    }

    @Test
    void knowsNothingBeforeLearningThenRanksByTheExamples() {
        var model = new EscalationModel(Embeddings.bundledModel(), 32, 1, 1);
        assertThat(model.judge(List.of(Turn.customer("the buckle snapped while my son was climbing")))).isEmpty();

        model.learn(List.of(
                labelled("The strap of the child carrier broke with my baby in it", true, "high_stakes"),
                labelled("My harness buckle failed on the climbing wall and I fell", true, "high_stakes"),
                labelled("The stove caught fire in the tent", true, "high_stakes"),
                labelled("my husband died last month and I need to close his account", true, "vulnerable"),
                labelled("How long does standard shipping take?", false, "none"),
                labelled("Do you ship to Canada?", false, "none"),
                labelled("What sizes does the rain jacket come in?", false, "none"),
                labelled("Can I pay with a gift card?", false, "none")));

        assertThat(model.examples()).isEqualTo(8);
        var hazard = model.judge(List.of(Turn.customer("the carrier buckle snapped while my son was climbing in it"))).orElseThrow();
        var routine = model.judge(List.of(Turn.customer("How many days is delivery to Canada?"))).orElseThrow();
        assertThat(hazard.likelihood()).isGreaterThan(routine.likelihood());
        assertThat(hazard.reason()).isEqualTo(EscalationReason.HIGH_STAKES);
    }

    /** A conversation of the examples that no rule catches (the rules found 0.6 of dev4's before the model). */
    @Test
    void handsOverWhatItLearnedThoughNoRuleNamesIt() {
        assertThat(shipped.examplesLearned()).isGreaterThan(1_500);
        List<Turn> burn = List.of(
                Turn.customer("the rechargeable hand warmer from you got so hot in my pocket on a ski lift that it left a blister "
                        + "on my hip the size of a coin. I've taken a photo. it's still warm to the touch an hour later"),
                Turn.ai("I'm so sorry — please stop using the hand warmer and keep it away from anything flammable. "
                        + "Could you tell me your order number?", Turn.AiOutcome.UNKNOWN),
                Turn.customer("NW-39950. it's on the kitchen tiles now. the skin on the blister is starting to peel"));
        var rulesAlone = new EscalationPolicy(EscalationRules.load(new ClassPathResource("escalation/rules.yml")), true,
                new SentimentAnalysis(), new EntityExtraction());
        assertThat(rulesAlone.assess(burn, "en").escalate()).as("no rule names it").isFalse();

        var assessment = shipped.assess(burn, "en");
        assertThat(assessment.escalate()).isTrue();
        assertThat(assessment.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("learned-opinion");
            assertThat(finding.reason()).isEqualTo(EscalationReason.HIGH_STAKES);
            assertThat(finding.priority()).isEqualTo(Priority.HIGH);
        });
    }

    /** A routine opener must not go to a person because conversations that later went wrong opened with it. */
    @Test
    void withTheShippedExamplesRoutineQuestionsStayWithTheAssistant() {
        for (var routine : List.of(List.of("How do I track my order NW-10482?", "en"), List.of("Where is my order?", "en"),
                List.of("I forgot my password", "en"), List.of("¿Dónde está mi pedido?", "es"),
                List.of("Wo ist meine Bestellung?", "de"), List.of("Où est ma commande ?", "fr"),
                List.of("my phone died while I was paying, did the order go through?", "en"))) {
            assertThat(shipped.assess(List.of(Turn.customer(routine.get(0))), routine.get(1)).escalate())
                .as(routine.get(0)).isFalse();
        }
    }

    /** A restart loads what was learned instead of learning for minutes: it must judge exactly the same. */
    @Test
    void aStoredModelJudgesLikeTheLearnedOne() {
        EscalationModel learned = shipped.model();
        var restored = new EscalationModel(Embeddings.bundledModel(), 32, 1, 1);
        restored.restore(learned.toBytes());

        assertThat(restored.examples()).isEqualTo(learned.examples());
        for (List<Turn> conversation : List.of(List.of(Turn.customer("Where is my order?")),
                List.of(Turn.customer("someone bought three tents on my card and it wasn't me")),
                List.of(Turn.customer("my dad passed away, can I return the boots I got him?")),
                List.of(Turn.customer("how do I reset my password"),
                        Turn.ai("Here is what our help centre says: use Forgot password. Source: Reset your password",
                                Turn.AiOutcome.ANSWERED),
                        Turn.customer("did that, still nothing, this is the third time")))) {
            var before = learned.judge(conversation).orElseThrow();
            var after = restored.judge(conversation).orElseThrow();
            assertThat(after.likelihood()).isCloseTo(before.likelihood(), Offset.offset(1e-9));
            assertThat(after.reason()).isEqualTo(before.reason());
        }
    }

    @Test
    void theFingerprintChangesWithAnyLabelOrText() {
        var model = new EscalationModel(Embeddings.bundledModel(), 32, 1, 1);
        var examples = List.of(labelled("Where is my order?", false, "none"), labelled("I want a person", true, "person_request"));
        String fingerprint = model.fingerprintOf(examples);

        assertThat(model.fingerprintOf(List.copyOf(examples))).isEqualTo(fingerprint);
        assertThat(model.fingerprintOf(List.of(examples.get(0), labelled("I want a person", false, "none"))))
            .isNotEqualTo(fingerprint);
        assertThat(model.fingerprintOf(List.of(examples.get(0), labelled("I want a person!", true, "person_request"))))
            .isNotEqualTo(fingerprint);
        assertThat(new EscalationModel(Embeddings.bundledModel(), 8, 1, 1).fingerprintOf(examples)).isNotEqualTo(fingerprint);
    }

    @Test
    void neverOverrulesARequestForAPerson() {
        assertThat(shipped.assess(List.of(Turn.customer("can I talk to a human please")), "en").has(EscalationReason.PERSON_REQUEST))
            .isTrue();
    }
}
