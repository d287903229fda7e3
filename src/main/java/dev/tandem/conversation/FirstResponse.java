package dev.tandem.conversation;

import java.time.Instant;

/**
 * The first-response target of the conversation's current wait for a person: it starts when the
 * conversation enters the human queue and is met by the first agent reply the customer sees.
 *
 * @param waitingSince when it entered the queue
 * @param dueAt when a person must have replied
 * @param respondedAt the first agent reply, null while the customer still waits
 * @param breachedAt when the target was found missed, null when it was not (yet)
 */
public record FirstResponse(Instant waitingSince, Instant dueAt, Instant respondedAt, Instant breachedAt) {

    /** Still waiting for the first reply. */
    public boolean awaited() {
        return dueAt != null && respondedAt == null;
    }

    public boolean overdue(Instant now) {
        return awaited() && now.isAfter(dueAt);
    }
}
