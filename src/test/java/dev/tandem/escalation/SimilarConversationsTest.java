package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.ai.Embeddings;

class SimilarConversationsTest {

    private static LabelledConversation labelled(String text, boolean escalate, String reason) {
        return new LabelledConversation(List.of(Turn.customer(text)), escalate, reason, "en");
    }

    @Test
    void aConversationLikeOnesThatNeededAPersonGetsTheirReason() {
        var similar = new SimilarConversations(Embeddings.bundledModel(), new SimilarConversations.Settings(3, 0.6, 0.7));
        assertThat(similar.judge(List.of(Turn.customer("the buckle snapped while my son was climbing")), "en")).isEmpty();

        similar.learn(List.of(
                labelled("The strap of the child carrier broke with my baby in it", true, "high_stakes"),
                labelled("My harness buckle failed on the climbing wall and I fell", true, "high_stakes"),
                labelled("The stove caught fire in the tent", true, "high_stakes"),
                labelled("How long does standard shipping take?", false, "none"),
                labelled("Do you ship to Canada?", false, "none"),
                labelled("What sizes does the rain jacket come in?", false, "none")));

        var found = similar.judge(List.of(Turn.customer("the carrier buckle snapped while my son was climbing in it")), "en");
        assertThat(found).hasValueSatisfying(finding -> {
            assertThat(finding.reason()).isEqualTo(EscalationReason.HIGH_STAKES);
            assertThat(finding.rule()).isEqualTo("similar-conversations");
            assertThat(finding.evidence()).contains("nearest");
        });
        assertThat(similar.judge(List.of(Turn.customer("How many days is delivery to Canada?")), "en")).isEmpty();
    }

    @Test
    void inOtherLanguagesTheWordingDecides() {
        var similar = new SimilarConversations(Embeddings.bundledModel(), new SimilarConversations.Settings(3, 0.6, 0.7),
                new SimilarConversations.Settings(3, 0.6, 0.2));
        similar.learn(List.of(
                labelled("me hackearon la cuenta y cambiaron mi correo", true, "high_stakes"),
                labelled("creo que han hackeado mi cuenta de Northwind", true, "high_stakes"),
                labelled("¿cuánto tarda el envío a Canarias?", false, "none"),
                labelled("¿tenéis la chaqueta en talla M?", false, "none")));

        assertThat(similar.judge(List.of(Turn.customer("alguien ha hackeado mi cuenta")), "es"))
            .hasValueSatisfying(finding -> assertThat(finding.reason()).isEqualTo(EscalationReason.HIGH_STAKES));
        assertThat(similar.judge(List.of(Turn.customer("¿cuánto tarda el envío a Madrid?")), "es")).isEmpty();
        assertThat(similar.judge(List.of(Turn.customer("alguien ha hackeado mi cuenta")), null))
            .as("a language nobody could tell").isEmpty();
    }

    /**
     * With the shipped examples learned, a routine opener must not go to a person because
     * conversations that later went wrong opened with it (a bug found on the demo).
     */
    @Test
    void withTheShippedExamplesRoutineOpenersStayWithTheAssistant() {
        EscalationPolicy policy = EscalationPolicy.standalone(Embeddings.bundledModel());
        assertThat(policy.examplesLearned()).isGreaterThan(1_000);
        for (var routine : List.of(List.of("How do I track my order NW-10482?", "en"), List.of("Where is my order?", "en"),
                List.of("I forgot my password", "en"), List.of("¿Dónde está mi pedido?", "es"),
                List.of("Wo ist meine Bestellung?", "de"), List.of("Où est ma commande ?", "fr"))) {
            assertThat(policy.assess(List.of(Turn.customer(routine.get(0))), routine.get(1)).escalate())
                .as(routine.get(0)).isFalse();
        }
    }
}
