package dev.tandem.wellbeing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** When agents were online, from routing's presence changes: one row per stretch. */
@Repository
class OnlineTime {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    /** @param endedAt null while it lasts */
    record Stretch(Instant startedAt, Instant endedAt) {
    }

    private final JdbcClient jdbc;

    OnlineTime(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agent went online at {@code at}; nothing when a stretch is open already. */
    void online(UUID agentId, Instant at) {
        boolean open = jdbc.sql("select count(*) from wellbeing_online where agent_id = ? and ended_at is null")
            .param(agentId).query(Long.class).single() > 0;
        if (!open) {
            jdbc.sql("insert into wellbeing_online (id, agent_id, started_at) values (?, ?, ?)")
                .params(IDS.generate(), agentId, Timestamp.from(at)).update();
        }
    }

    /** The agent stopped being online at {@code at} (away, offline, timed out or signed out). */
    void offline(UUID agentId, Instant at) {
        jdbc.sql("update wellbeing_online set ended_at = ? where agent_id = ? and ended_at is null")
            .params(Timestamp.from(at), agentId).update();
    }

    /** Stretches open now or ended since {@code since}. */
    List<Stretch> of(UUID agentId, Instant since) {
        return jdbc.sql("""
                select started_at, ended_at from wellbeing_online
                where agent_id = ? and (ended_at is null or ended_at >= ?)
                order by started_at""")
            .params(agentId, Timestamp.from(since))
            .query((rs, n) -> {
                Timestamp ended = rs.getTimestamp("ended_at");
                return new Stretch(rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant());
            })
            .list();
    }
}
