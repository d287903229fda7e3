package dev.tandem.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.conversation.ConversationPriority;

/**
 * Missed first-response targets, kept for supervisors and reports: open until an agent replies or
 * the conversation is resolved.
 */
@Service
public class SlaBreaches {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    /** @param answeredAt null while the customer still waits */
    public record Breach(UUID conversationId, UUID teamId, ConversationPriority priority, Instant dueAt,
            Instant breachedAt, Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    SlaBreaches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Customers still waiting past their target, the longest overdue first. */
    @Transactional(readOnly = true)
    public List<Breach> unanswered() {
        return jdbc.sql("select * from sla_breach where answered_at is null order by due_at").query((rs, n) -> new Breach(
                rs.getObject("conversation_id", UUID.class), rs.getObject("team_id", UUID.class),
                ConversationPriority.valueOf(rs.getString("priority")), rs.getTimestamp("due_at").toInstant(),
                rs.getTimestamp("breached_at").toInstant(), null)).list();
    }

    void record(FirstResponseMissed missed) {
        jdbc.sql("""
                insert into sla_breach (id, conversation_id, team_id, priority, due_at, breached_at)
                values (?, ?, ?, ?, ?, ?)""")
            .params(IDS.generate(), missed.conversationId(), missed.teamId(), missed.priority().name(),
                    Timestamp.from(missed.dueAt()), Timestamp.from(missed.at()))
            .update();
    }

    void answered(UUID conversationId, Instant at) {
        jdbc.sql("update sla_breach set answered_at = ? where conversation_id = ? and answered_at is null")
            .params(Timestamp.from(at), conversationId).update();
    }
}
