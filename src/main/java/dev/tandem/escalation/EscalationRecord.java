package dev.tandem.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One handover to a person, as stored: the findings that caused it. */
record EscalationRecord(UUID id, UUID conversationId, UUID messageId, Priority priority, List<Finding> findings,
        String summary, String language, Instant createdAt) {
}
