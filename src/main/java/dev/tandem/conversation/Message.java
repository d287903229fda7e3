package dev.tandem.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a conversation's timeline. Internal messages (notes between agents, system
 * records of assignments) are never shown to the customer.
 */
public record Message(UUID id, UUID conversationId, AuthorType author, UUID authorId, String authorName, String text,
        boolean internal, String clientMessageId, Instant createdAt, List<Citation> citations) {

    public Message {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    public Message(UUID id, UUID conversationId, AuthorType author, UUID authorId, String authorName, String text,
            boolean internal, String clientMessageId, Instant createdAt) {
        this(id, conversationId, author, authorId, authorName, text, internal, clientMessageId, createdAt, List.of());
    }

    public boolean visibleToCustomer() {
        return !internal;
    }
}
