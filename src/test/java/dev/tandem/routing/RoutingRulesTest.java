package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tandem.escalation.EscalationReason;
import dev.tandem.escalation.Priority;
import dev.tandem.routing.RoutingProperties.Rule;

class RoutingRulesTest {

    private static final Rule FRAUD = new Rule("fraud", Set.of(EscalationReason.HIGH_STAKES), null, null, null,
            "Billing", null, null);
    private static final Rule URGENT = new Rule("urgent", null, Priority.URGENT, null, null, "Escalations", null, null);
    private static final Rule SPANISH = new Rule("spanish", null, null, Set.of("es"), null, null, null, "es");
    private static final Rule PAYMENTS = new Rule("payments", null, null, null, Set.of("payments"), "Billing",
            "payments", null);

    private final RoutingRules rules = new RoutingRules(List.of(URGENT, FRAUD, PAYMENTS, SPANISH));

    private static RoutingRules.Case of(List<EscalationReason> reasons, Priority priority, String language,
            String intent) {
        return new RoutingRules.Case(reasons, priority, language, intent);
    }

    @Test
    void theFirstMatchingRuleWins() {
        var fraud = of(List.of(EscalationReason.HIGH_STAKES), Priority.URGENT, "en", null);
        assertThat(rules.decide(fraud, team -> true)).contains(URGENT);
        assertThat(rules.decide(of(List.of(EscalationReason.HIGH_STAKES), Priority.HIGH, "en", null), team -> true))
            .contains(FRAUD);
    }

    @Test
    void aRuleWhoseTeamDoesNotExistIsSkipped() {
        var fraud = of(List.of(EscalationReason.HIGH_STAKES, EscalationReason.FRUSTRATION), Priority.HIGH, "es", null);
        assertThat(rules.decide(fraud, team -> !team.equals("Billing"))).contains(SPANISH);
        assertThat(rules.decide(of(List.of(EscalationReason.HIGH_STAKES), Priority.HIGH, "en", null), team -> false))
            .isEmpty();
    }

    @Test
    void priorityMeansAtLeast() {
        var atLeastHigh = new Rule("high", null, Priority.HIGH, null, null, null, null, null);
        assertThat(RoutingRules.matches(atLeastHigh, of(List.of(), Priority.URGENT, null, null))).isTrue();
        assertThat(RoutingRules.matches(atLeastHigh, of(List.of(), Priority.HIGH, null, null))).isTrue();
        assertThat(RoutingRules.matches(atLeastHigh, of(List.of(), Priority.NORMAL, null, null))).isFalse();
    }

    @Test
    void anIntentMatchesOnlyWhenTheConversationHasOne() {
        assertThat(RoutingRules.matches(PAYMENTS, of(List.of(EscalationReason.PERSON_REQUEST), Priority.NORMAL, "en",
                "Payments"))).isTrue();
        assertThat(RoutingRules.matches(PAYMENTS, of(List.of(EscalationReason.PERSON_REQUEST), Priority.NORMAL, "en",
                null))).isFalse();
        assertThat(RoutingRules.matches(PAYMENTS, of(List.of(), Priority.NORMAL, "en", "orders"))).isFalse();
    }

    @Test
    void aLanguageRuleNeedsAKnownLanguage() {
        assertThat(RoutingRules.matches(SPANISH, of(List.of(), Priority.NORMAL, "ES", null))).isTrue();
        assertThat(RoutingRules.matches(SPANISH, of(List.of(), Priority.NORMAL, null, null))).isFalse();
        assertThat(RoutingRules.matches(SPANISH, of(List.of(), Priority.NORMAL, "fr", null))).isFalse();
    }

    @Test
    void aRuleWithoutConditionsMatchesEverything() {
        var all = new Rule(null, null, null, null, null, "General", null, null);
        assertThat(RoutingRules.matches(all, of(List.of(), Priority.NORMAL, null, null))).isTrue();
        assertThat(all.name()).isEqualTo("unnamed");
    }

    @Test
    void theDefaultsSendHighStakesToBillingWhenThereIsOne() {
        var defaults = new RoutingRules(new RoutingProperties(null, null, null, null, null, null).rules());
        var fraud = of(List.of(EscalationReason.HIGH_STAKES), Priority.HIGH, "en", null);
        assertThat(defaults.decide(fraud, "Billing"::equals)).map(Rule::team).contains("Billing");
        assertThat(defaults.decide(fraud, team -> false)).isEmpty();
        assertThat(defaults.decide(of(List.of(EscalationReason.FRUSTRATION), Priority.HIGH, "en", null),
                "Billing"::equals)).isEmpty();
    }
}
