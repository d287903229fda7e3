package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** When the assistant may first help with the routine before a person takes over. */
class AssessmentTest {

    private static Finding learned(EscalationReason reason) {
        return new Finding(reason, Finding.LEARNED_OPINION, "Like conversations that needed a person.", Priority.NORMAL,
                "likelihood 0.90");
    }

    private static Finding rule(EscalationReason reason) {
        return new Finding(reason, "asks-for-a-person", "The customer asked for a person.", Priority.NORMAL, "a human");
    }

    @Test
    void onlyTheLearnedOpinionsReasonsYieldAndNeverAVulnerableCustomer() {
        assertThat(new Assessment(List.of(learned(EscalationReason.PERSON_REQUEST), learned(EscalationReason.HIGH_STAKES)))
            .yieldsToRoutineHelp()).isTrue();
        assertThat(new Assessment(List.of(learned(EscalationReason.VULNERABLE))).yieldsToRoutineHelp()).isFalse();
        assertThat(new Assessment(List.of(learned(EscalationReason.FRUSTRATION), rule(EscalationReason.PERSON_REQUEST)))
            .yieldsToRoutineHelp()).isFalse();
        assertThat(Assessment.CONTINUE.yieldsToRoutineHelp()).isFalse();
    }
}
