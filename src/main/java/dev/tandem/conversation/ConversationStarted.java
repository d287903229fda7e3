package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

public record ConversationStarted(UUID conversationId, UUID customerId, UUID teamId, String channel,
        ConversationStatus status, Instant at) {
}
