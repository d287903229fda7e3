package dev.tandem.routing;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.conversation.ConversationPriority;

/** Nobody replied to a waiting customer by the first-response target; published once per wait. */
public record FirstResponseMissed(UUID conversationId, UUID teamId, ConversationPriority priority, Instant dueAt,
        Instant at) {
}
