package dev.tandem.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import dev.tandem.escalation.EscalationReason;
import dev.tandem.escalation.Priority;
import dev.tandem.routing.RoutingProperties.Rule;

/**
 * Picks the rule for an escalated conversation: the first that matches, skipping rules whose team
 * does not exist (so the default "Billing" rule does nothing in a workspace without a Billing team).
 */
final class RoutingRules {

    /** What routing knows about a conversation; {@code language} and {@code intent} may be null. */
    record Case(List<EscalationReason> reasons, Priority priority, String language, String intent) {
    }

    private final List<Rule> rules;

    RoutingRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    Optional<Rule> decide(Case conversation, Predicate<String> teamExists) {
        return rules.stream()
            .filter(rule -> matches(rule, conversation))
            .filter(rule -> rule.team() == null || teamExists.test(rule.team()))
            .findFirst();
    }

    static boolean matches(Rule rule, Case c) {
        if (!rule.reasons().isEmpty() && c.reasons().stream().noneMatch(rule.reasons()::contains)) {
            return false;
        }
        if (rule.priority() != null && c.priority().compareTo(rule.priority()) < 0) {
            return false;
        }
        if (!rule.languages().isEmpty() && (c.language() == null || rule.languages().stream()
            .noneMatch(language -> language.equalsIgnoreCase(c.language())))) {
            return false;
        }
        return rule.intents().isEmpty() || c.intent() != null && rule.intents().stream()
            .anyMatch(intent -> intent.toLowerCase(Locale.ROOT).equals(c.intent().toLowerCase(Locale.ROOT)));
    }

    List<Rule> all() {
        return rules;
    }
}
