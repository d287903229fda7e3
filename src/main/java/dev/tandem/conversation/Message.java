package dev.tandem.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a conversation's timeline. Internal messages (notes between agents, system
 * records of assignments) are never shown to the customer.
 *
 * @param kind what the message offers beyond its text ({@link MessageKind#PLAIN} for almost all)
 * @param language the language the system wrote a notice in (ISO 639-1), null when not recorded
 */
public record Message(UUID id, UUID conversationId, AuthorType author, UUID authorId, String authorName, String text,
        boolean internal, String clientMessageId, Instant createdAt, List<Citation> citations, MessageKind kind,
        String language) {

    public Message {
        citations = citations == null ? List.of() : List.copyOf(citations);
        kind = kind == null ? MessageKind.PLAIN : kind;
    }

    public Message(UUID id, UUID conversationId, AuthorType author, UUID authorId, String authorName, String text,
            boolean internal, String clientMessageId, Instant createdAt, List<Citation> citations) {
        this(id, conversationId, author, authorId, authorName, text, internal, clientMessageId, createdAt, citations,
                MessageKind.PLAIN, null);
    }

    public Message(UUID id, UUID conversationId, AuthorType author, UUID authorId, String authorName, String text,
            boolean internal, String clientMessageId, Instant createdAt) {
        this(id, conversationId, author, authorId, authorName, text, internal, clientMessageId, createdAt, List.of());
    }

    public boolean visibleToCustomer() {
        return !internal;
    }
}
