package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

public record ConversationResolved(UUID conversationId, UUID teamId, UUID resolvedById, String by, Instant at) {
}
