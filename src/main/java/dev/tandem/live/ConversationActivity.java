package dev.tandem.live;

import java.util.UUID;

import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;

/**
 * Something visible happened in a conversation; delivered to every node's live views (customer
 * widget streams and agent workspaces) after the change committed. {@code message} is set for
 * {@link Kind#MESSAGE} only; {@link Kind#DETAILS} says that the conversation changed beyond its
 * messages and status (the customer left a follow-up email): views re-read it.
 */
public record ConversationActivity(Kind kind, UUID conversationId, UUID teamId, ConversationStatus status,
        Message message) {

    public enum Kind {
        STARTED, MESSAGE, STATUS, DETAILS
    }
}
