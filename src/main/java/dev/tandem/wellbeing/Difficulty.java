package dev.tandem.wellbeing;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.tandem.escalation.EscalationReason;

/** What made a contact hard on the person who handled it. */
public enum Difficulty {

    /** the guardrails found abusive language in a customer's message */
    ABUSE("abusive language"),
    /** the customer was highly frustrated: the escalation said so, or understanding read it while the agent had it */
    FRUSTRATION("high frustration"),
    /** the escalation found a vulnerable customer */
    VULNERABLE("vulnerable customer");

    private final String words;

    Difficulty(String words) {
        this.words = words;
    }

    /** As the agent reads it. */
    public String words() {
        return words;
    }

    /** The difficulty an escalation reason stands for, if any. */
    static Optional<Difficulty> of(EscalationReason reason) {
        return switch (reason) {
            case FRUSTRATION -> Optional.of(FRUSTRATION);
            case VULNERABLE -> Optional.of(VULNERABLE);
            default -> Optional.empty();
        };
    }

    static String encode(Set<Difficulty> kinds) {
        return kinds.isEmpty() ? null : String.join(",", kinds.stream().sorted().map(Enum::name).toList());
    }

    static Set<Difficulty> decode(String stored) {
        Set<Difficulty> kinds = EnumSet.noneOf(Difficulty.class);
        if (stored != null && !stored.isBlank()) {
            for (String name : stored.split(",")) {
                kinds.add(valueOf(name.trim()));
            }
        }
        return kinds;
    }
}
