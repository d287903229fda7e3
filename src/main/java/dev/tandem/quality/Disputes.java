package dev.tandem.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.identity.CurrentUser;

/**
 * An agent's right to dispute a verdict on their own conversation: the dispute names the item and why, puts the
 * conversation in front of supervisors for a blind review ({@link Calibration#queue}), and is settled by it.
 */
@Component
class Disputes {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    private static final int MAX_REASON = 2000;

    record Dispute(UUID id, UUID conversationId, String item, String reason, String status, Instant openedAt,
            Instant settledAt, String settledBy) {
    }

    private final JdbcClient jdbc;
    private final ScoreStore scores;
    private final Clock clock;

    Disputes(JdbcClient jdbc, ScoreStore scores, Clock clock) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.clock = clock;
    }

    Dispute open(CurrentUser agent, UUID conversationId, String item, String reason) {
        ScoreStore.Score score = scores.find(conversationId)
            .orElseThrow(() -> QualityProblems.notFound("Conversation " + conversationId + " has no quality score."));
        if (!agent.id().equals(score.agentId())) {
            throw QualityProblems.forbidden("Only the agent a score is about can dispute it.");
        }
        if (item == null || score.verdict(item).isEmpty()) {
            throw QualityProblems.invalid("Name the item you dispute; this score has " + score.verdicts().stream()
                .map(ScoreStore.StoredVerdict::item).toList() + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw QualityProblems.invalid("Say why the verdict is wrong: the reviewer reads it after their own review.");
        }
        if (reason.length() > MAX_REASON) {
            throw QualityProblems.invalid("The reason is at most " + MAX_REASON + " characters.");
        }
        UUID id = IDS.generate();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            jdbc.sql("""
                    insert into quality_dispute (id, conversation_id, item, agent_id, reason, status, opened_at)
                    values (?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, conversationId, item, agent.id(), reason.strip(), Timestamp.from(now)).update();
        } catch (DuplicateKeyException twice) {
            throw QualityProblems.of(HttpStatus.CONFLICT, "You have already disputed " + item + " on this conversation.");
        }
        return new Dispute(id, conversationId, item, reason.strip(), "OPEN", now, null, null);
    }

    List<Dispute> ofConversation(UUID conversationId) {
        return jdbc.sql("select * from quality_dispute where conversation_id = ? order by opened_at")
            .param(conversationId).query(this::row).list();
    }

    List<Dispute> ofAgent(UUID agentId) {
        return jdbc.sql("select * from quality_dispute where agent_id = ? order by opened_at desc limit 50")
            .param(agentId).query(this::row).list();
    }

    private Dispute row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp settled = rs.getTimestamp("settled_at");
        return new Dispute(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class), rs.getString("item"),
                rs.getString("reason"), rs.getString("status"), rs.getTimestamp("opened_at").toInstant(),
                settled == null ? null : settled.toInstant(), rs.getString("settled_by"));
    }
}
