package dev.tandem.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class MessageRepository {

    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MessageRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Message message) {
        jdbc.sql("""
                insert into message (id, conversation_id, author_type, author_id, author_name, body, internal,
                                     client_message_id, created_at, citations, kind, language)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(message.id(), message.conversationId(), message.author().name(), message.authorId(),
                    message.authorName(), message.text(), message.internal(), message.clientMessageId(),
                    Timestamp.from(message.createdAt()),
                    message.citations().isEmpty() ? null : json.writeValueAsString(message.citations()),
                    message.kind() == MessageKind.PLAIN ? null : message.kind().name(), message.language())
            .update();
    }

    List<Message> findByConversation(UUID conversationId) {
        return jdbc.sql("select * from message where conversation_id = ? order by created_at, id")
            .param(conversationId).query(this::message).list();
    }

    Optional<Message> findByClientMessageId(UUID conversationId, String clientMessageId) {
        return jdbc.sql("select * from message where conversation_id = ? and client_message_id = ?")
            .params(conversationId, clientMessageId).query(this::message).optional();
    }

    /**
     * The last message of each conversation the assistant handles whose last message is the customer's,
     * written between {@code from} and {@code to}: the customer waits for the assistant.
     */
    List<Message> lastUnansweredByAssistant(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                select m.* from conversation c join message m on m.conversation_id = c.id
                where c.status = 'AI' and c.last_message_at >= ? and c.last_message_at < ?
                  and m.author_type = 'CUSTOMER'
                  and m.id = (select l.id from message l where l.conversation_id = c.id and l.internal = false
                              order by l.created_at desc, l.id desc fetch first 1 rows only)
                order by c.last_message_at
                fetch first ? rows only""")
            .params(Timestamp.from(from), Timestamp.from(to), limit).query(this::message).list();
    }

    long countByConversation(UUID conversationId) {
        return jdbc.sql("select count(*) from message where conversation_id = ?").param(conversationId)
            .query(Long.class).single();
    }

    private Message message(ResultSet rs, int row) throws SQLException {
        String citations = rs.getString("citations");
        String kind = rs.getString("kind");
        return new Message(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                AuthorType.valueOf(rs.getString("author_type")), rs.getObject("author_id", UUID.class),
                rs.getString("author_name"), rs.getString("body"), rs.getBoolean("internal"),
                rs.getString("client_message_id"), rs.getTimestamp("created_at").toInstant(),
                citations == null ? List.of() : json.readValue(citations, CITATIONS),
                kind == null ? MessageKind.PLAIN : MessageKind.valueOf(kind), rs.getString("language"));
    }
}
