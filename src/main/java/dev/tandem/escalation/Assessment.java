package dev.tandem.escalation;

import java.util.List;

/**
 * The escalation policy's verdict on a conversation: every reason found to hand it to a person (none:
 * the assistant may go on).
 */
public record Assessment(List<Finding> findings) {

    public static final Assessment CONTINUE = new Assessment(List.of());

    public Assessment {
        findings = List.copyOf(findings);
    }

    public boolean escalate() {
        return !findings.isEmpty();
    }

    /** The most urgent of the findings' priorities; NORMAL when there are none. */
    public Priority priority() {
        return findings.stream().map(Finding::priority).reduce(Priority.NORMAL, Priority::max);
    }

    /**
     * Every reason is that the assistant could not answer: worth handing over only if it cannot
     * answer this message either, so the caller may try first.
     */
    public boolean onlyUnanswered() {
        return escalate() && findings.stream().allMatch(finding -> finding.reason() == EscalationReason.OUT_OF_SCOPE);
    }

    /**
     * Every reason is the learned opinion's alone, and none is a vulnerable customer: no rule read the words
     * as needing a person, so the assistant may first do a routine request ("I want a refund for NW-1004",
     * which the model finds like disputes) or give the answer the knowledge base is sure of ("¿cómo devuelvo
     * un artículo?", which it finds like requests for a person). If that does not help, the customer's "no"
     * and the rules on repetition hand over.
     */
    public boolean yieldsToRoutineHelp() {
        return escalate() && findings.stream().allMatch(finding -> finding.rule().equals(Finding.LEARNED_OPINION)
                && finding.reason() != EscalationReason.VULNERABLE);
    }

    public boolean has(EscalationReason reason) {
        return findings.stream().anyMatch(finding -> finding.reason() == reason);
    }

    /** The reasons in words, one sentence each, most urgent first. */
    public String inWords() {
        return String.join(" ", findings.stream()
            .sorted((a, b) -> b.priority().compareTo(a.priority()))
            .map(Finding::says)
            .distinct()
            .toList());
    }
}
