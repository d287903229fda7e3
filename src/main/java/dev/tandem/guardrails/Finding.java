package dev.tandem.guardrails;

import java.util.List;
import java.util.Set;

/**
 * One guardrail's finding about a text.
 *
 * @param check what was checked
 * @param rules the rules that matched (rule names, or personal-data type codes); may be empty when only the
 *     learned model spoke
 * @param score the learned model's probability, or 1 for a rule alone
 * @param actions what the policy says to do about it
 */
public record Finding(Check check, List<String> rules, double score, Set<GuardrailAction> actions) {

    public Finding {
        rules = List.copyOf(rules);
        actions = Set.copyOf(actions);
    }

    /** For the audit log: never any of the text itself. */
    public String describe() {
        return check.label() + (rules.isEmpty() ? "" : " " + rules) + String.format(java.util.Locale.ROOT, " p=%.2f", score)
                + " → " + actions.stream().map(Enum::name).sorted().toList();
    }
}
