package dev.tandem.guardrails;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the guardrails found in one text and what is to be done; {@link #CLEAR} when nothing. */
public record Screening(List<Finding> findings) {

    public static final Screening CLEAR = new Screening(List.of());

    public Screening {
        findings = List.copyOf(findings);
    }

    /** Every action any finding asks for. */
    public Set<GuardrailAction> actions() {
        Set<GuardrailAction> all = EnumSet.noneOf(GuardrailAction.class);
        findings.forEach(f -> all.addAll(f.actions()));
        return all;
    }

    public boolean requires(GuardrailAction action) {
        return findings.stream().anyMatch(f -> f.actions().contains(action));
    }

    public boolean found(Check check) {
        return findings.stream().anyMatch(f -> f.check() == check);
    }

    /** The checks that found something, in words, for a handoff reason or a notice to agents. */
    public String summary() {
        return String.join(", ", findings.stream().map(f -> f.check().label()).distinct().toList());
    }
}
