package dev.tandem.conversation;

import java.util.UUID;

/** A message joined a conversation's timeline; carries the message so live views need no read. */
public record MessagePosted(Message message, UUID teamId, ConversationStatus status) {

    public UUID conversationId() {
        return message.conversationId();
    }
}
