package dev.tandem.answering;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AnswerRecords {

    private static final List<String> UNANSWERED = List.of(Answer.Kind.DONT_KNOW.name(),
            Answer.Kind.NOT_IN_LANGUAGE.name());

    private final JdbcClient jdbc;

    AnswerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AnswerRecord record) {
        jdbc.sql("""
                insert into ai_answer (id, conversation_id, question_message_id, reply_message_id, kind, language,
                                       question, question_vector, cited_article_ids, confidence, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(record.id(), record.conversationId(), record.questionMessageId(), record.replyMessageId(),
                    record.kind().name(), record.language(), record.question(), encode(record.questionVector()),
                    record.citedArticleIds().isEmpty() ? null : String.join(",", record.citedArticleIds()),
                    record.confidence(), Timestamp.from(record.createdAt()))
            .update();
    }

    Optional<AnswerRecord> latest(UUID conversationId) {
        // a stream holds its connection until closed
        try (var records = jdbc.sql("select * from ai_answer where conversation_id = ? order by created_at desc, id desc")
            .param(conversationId).query(AnswerRecords::record).stream()) {
            return records.findFirst();
        }
    }

    List<AnswerRecord> byConversation(UUID conversationId) {
        return jdbc.sql("select * from ai_answer where conversation_id = ? order by created_at, id")
            .param(conversationId).query(AnswerRecords::record).list();
    }

    /** Questions the assistant could not answer since {@code since} that nobody dismissed, newest first. */
    List<AnswerRecord> unanswered(Instant since, int limit) {
        try (var records = jdbc.sql("""
                select * from ai_answer where kind in (:kinds) and dismissed_at is null and created_at >= :since
                order by created_at desc, id desc""")
            .param("kinds", UNANSWERED).param("since", Timestamp.from(since))
            .query(AnswerRecords::record).stream()) {
            return records.limit(limit).toList();
        }
    }

    /** Unanswered questions asked since {@code since} whose vector is not embedded yet, newest first. */
    List<AnswerRecord> unansweredWithoutVector(Instant since, int limit) {
        return jdbc.sql("""
                select * from ai_answer where kind in (:kinds) and question_vector is null and dismissed_at is null
                and created_at >= :since order by created_at desc, id desc limit :limit""")
            .param("kinds", UNANSWERED).param("since", Timestamp.from(since)).param("limit", limit)
            .query(AnswerRecords::record).list();
    }

    void keepQuestionVector(UUID id, float[] vector) {
        jdbc.sql("update ai_answer set question_vector = ? where id = ? and question_vector is null")
            .params(encode(vector), id).update();
    }

    /** How many questions the assistant could not answer in each of these conversations (absent: none). */
    Map<UUID, Integer> unansweredIn(Collection<UUID> conversationIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select conversation_id, count(*) as n from ai_answer where conversation_id in (:ids) and kind in (:kinds)
                group by conversation_id""")
            .param("ids", conversationIds).param("kinds", UNANSWERED)
            .query((rs, n) -> counts.put(rs.getObject("conversation_id", UUID.class), rs.getInt("n"))).list();
        return counts;
    }

    List<AnswerRecord> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from ai_answer where id in (:ids) order by created_at, id").param("ids", ids)
            .query(AnswerRecords::record).list();
    }

    /**
     * The customer's "Did this answer your question?" for an answer: stored once, changed by a second
     * click. Returns whether anything changed.
     */
    boolean feedback(UUID conversationId, UUID replyMessageId, boolean helpful, Instant at) {
        Timestamp now = Timestamp.from(at);
        int changed = jdbc.sql("""
                update ai_answer_feedback set helpful = ?, updated_at = ?
                where reply_message_id = ? and conversation_id = ? and helpful <> ?""")
            .params(helpful, now, replyMessageId, conversationId, helpful).update();
        if (changed > 0) {
            return true;
        }
        boolean stored = jdbc.sql("select count(*) from ai_answer_feedback where reply_message_id = ?")
            .param(replyMessageId).query(Integer.class).single() > 0;
        if (stored) {
            return false;
        }
        jdbc.sql("""
                insert into ai_answer_feedback (reply_message_id, conversation_id, helpful, created_at, updated_at)
                values (?, ?, ?, ?, ?)""").params(replyMessageId, conversationId, helpful, now, now).update();
        return true;
    }

    /** The customer's feedback on the answers of a conversation: reply message id → helpful. */
    java.util.Map<UUID, Boolean> feedback(UUID conversationId) {
        java.util.Map<UUID, Boolean> feedback = new java.util.HashMap<>();
        jdbc.sql("select reply_message_id, helpful from ai_answer_feedback where conversation_id = ?")
            .param(conversationId)
            .query(rs -> {
                feedback.put(rs.getObject("reply_message_id", UUID.class), rs.getBoolean("helpful"));
            });
        return feedback;
    }

    int dismiss(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update ai_answer set dismissed_at = :at where id in (:ids) and dismissed_at is null")
            .param("at", Timestamp.from(at)).param("ids", ids).update();
    }

    private static AnswerRecord record(ResultSet rs, int row) throws SQLException {
        String cited = rs.getString("cited_article_ids");
        return new AnswerRecord(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getObject("question_message_id", UUID.class), rs.getObject("reply_message_id", UUID.class),
                Answer.Kind.valueOf(rs.getString("kind")), rs.getString("language"), rs.getString("question"),
                decode(rs.getString("question_vector")), cited == null ? List.of() : Arrays.asList(cited.split(",")),
                rs.getDouble("confidence"), rs.getTimestamp("created_at").toInstant());
    }

    private static String encode(float[] vector) {
        if (vector == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static float[] decode(String text) {
        if (text == null) {
            return null;
        }
        var floats = ByteBuffer.wrap(Base64.getDecoder().decode(text)).asFloatBuffer();
        float[] vector = new float[floats.remaining()];
        floats.get(vector);
        return vector;
    }
}
