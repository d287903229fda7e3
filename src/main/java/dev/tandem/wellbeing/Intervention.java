package dev.tandem.wellbeing;

import java.time.Instant;
import java.util.UUID;

/**
 * Something done for an agent's wellbeing, with the reason in words.
 *
 * @param minutes the break's length (breaks only)
 * @param until when a taken break or the sharing out of difficult contacts ends; null otherwise
 * @param decidedBy who took, declined or acknowledged it
 */
public record Intervention(UUID id, UUID agentId, Kind kind, Status status, String reason, Instant createdAt,
        Integer minutes, Instant until, Instant decidedAt, String decidedBy, int version) {

    public enum Kind {
        /** a break suggested to the agent */
        BREAK,
        /** difficult conversations go to colleagues first for a while */
        FEWER_DIFFICULT,
        /** the agent's supervisors were alerted */
        SUPERVISOR_ALERT
    }

    public enum Status {
        /** a break waiting for the agent's answer */
        SUGGESTED,
        /** a break the agent took: no new assignments until {@code until} */
        TAKEN,
        /** a break the agent declined */
        DISMISSED,
        /** difficult conversations are shared out until {@code until} */
        ACTIVE,
        /** an alert no supervisor acknowledged yet */
        OPEN,
        /** an alert a supervisor acknowledged */
        ACKNOWLEDGED
    }

    /** Still in effect at {@code now}: a taken break or fewer difficult contacts before their end. */
    public boolean inEffect(Instant now) {
        return until != null && until.isAfter(now) && (status == Status.TAKEN || status == Status.ACTIVE);
    }
}
