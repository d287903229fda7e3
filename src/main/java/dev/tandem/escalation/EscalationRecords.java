package dev.tandem.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class EscalationRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    EscalationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EscalationRecord record) {
        jdbc.sql("""
                insert into escalation (id, conversation_id, message_id, priority, reasons, summary, language, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(record.id(), record.conversationId(), record.messageId(), record.priority().name(),
                    JSON.writeValueAsString(record.findings()), record.summary(), record.language(),
                    Timestamp.from(record.createdAt()))
            .update();
    }

    /** The conversation's latest handover: the one the team is working on. */
    Optional<EscalationRecord> latest(UUID conversationId) {
        // a stream holds its connection until closed
        try (var records = jdbc.sql("select * from escalation where conversation_id = ? order by created_at desc, id desc")
            .param(conversationId).query(EscalationRecords::record).stream()) {
            return records.findFirst();
        }
    }

    /** The latest handovers, newest first, for the admin page. */
    List<EscalationRecord> recent(int limit) {
        try (var records = jdbc.sql("select * from escalation order by created_at desc, id desc")
            .query(EscalationRecords::record).stream()) {
            return records.limit(limit).toList();
        }
    }

    private static EscalationRecord record(ResultSet rs, int row) throws SQLException {
        return new EscalationRecord(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getObject("message_id", UUID.class), Priority.valueOf(rs.getString("priority")),
                JSON.readValue(rs.getString("reasons"), FINDINGS), rs.getString("summary"), rs.getString("language"),
                rs.getTimestamp("created_at").toInstant());
    }
}
