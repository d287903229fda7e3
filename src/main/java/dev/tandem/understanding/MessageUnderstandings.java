package dev.tandem.understanding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What understanding read in each customer message, per conversation. */
@Repository
public class MessageUnderstandings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Entity>> ENTITIES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> CUES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    MessageUnderstandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The conversation's customer messages as understood, oldest first. */
    public List<MessageUnderstanding> of(UUID conversationId) {
        return jdbc.sql("select * from message_understanding where conversation_id = ? order by created_at, message_id")
            .param(conversationId).query(MessageUnderstandings::read).list();
    }

    Optional<MessageUnderstanding> find(UUID messageId) {
        return jdbc.sql("select * from message_understanding where message_id = ?").param(messageId)
            .query(MessageUnderstandings::read).optional();
    }

    void insert(MessageUnderstanding m) {
        Intent intent = m.intent();
        try {
            jdbc.sql("""
                    insert into message_understanding (message_id, conversation_id, language, intent, intent_confidence,
                                                       out_of_scope, frustration, polarity, cues, entities, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.messageId(), m.conversationId(), m.language(), intent == null ? null : intent.label(),
                        intent == null ? null : intent.confidence(), intent == null ? null : intent.outOfScope(),
                        m.sentiment().frustration(), m.sentiment().polarity(),
                        JSON.writeValueAsString(m.sentiment().cues()), JSON.writeValueAsString(m.entities()),
                        Timestamp.from(m.at()))
                .update();
        } catch (DuplicateKeyException readTwice) {
            // a redelivered event or the request path got there first: the first reading stands
        }
    }

    private static MessageUnderstanding read(ResultSet rs, int row) throws SQLException {
        String label = rs.getString("intent");
        Intent intent = label == null ? null
                : new Intent(label, rs.getDouble("intent_confidence"), rs.getBoolean("out_of_scope"));
        return new MessageUnderstanding(rs.getObject("message_id", UUID.class),
                rs.getObject("conversation_id", UUID.class), rs.getString("language"), intent,
                new Sentiment(rs.getDouble("polarity"), rs.getDouble("frustration"),
                        JSON.readValue(rs.getString("cues"), CUES)),
                JSON.readValue(rs.getString("entities"), ENTITIES), rs.getTimestamp("created_at").toInstant());
    }
}
