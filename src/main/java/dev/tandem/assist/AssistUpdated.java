package dev.tandem.assist;

import java.util.UUID;

/**
 * The assist panel of a conversation has new content (suggestions for the customer's latest message);
 * agents viewing the conversation re-read it. Not stored: live views are best effort and catch up.
 */
public record AssistUpdated(UUID conversationId, UUID teamId, UUID messageId) {
}
