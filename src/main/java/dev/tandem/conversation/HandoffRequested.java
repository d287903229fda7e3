package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

/** The conversation needs a person: the customer asked for one, or (later) the AI escalated. */
public record HandoffRequested(UUID conversationId, UUID teamId, String reason, Instant at) {
}
