package dev.tandem.escalation;

/** How soon a person must pick up an escalated conversation. */
public enum Priority {
    NORMAL, HIGH, URGENT;

    Priority max(Priority other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
