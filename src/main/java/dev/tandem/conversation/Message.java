package dev.tandem.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a conversation's timeline. Internal messages (notes between agents, system
 * records of assignments) are never shown to the customer.
 */
public record Message(UUID id, UUID conversationId, AuthorType author, UUID authorId, String authorName, String text,
        boolean internal, String clientMessageId, Instant createdAt) {

    public boolean visibleToCustomer() {
        return !internal;
    }
}
