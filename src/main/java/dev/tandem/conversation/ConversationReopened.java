package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

/** A resolved conversation is open again: the customer wrote again ({@code by} null) or an agent reopened it. */
public record ConversationReopened(UUID conversationId, UUID teamId, ConversationStatus status, String by,
        Instant at) {
}
