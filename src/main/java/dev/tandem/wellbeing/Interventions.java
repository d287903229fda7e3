package dev.tandem.wellbeing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.wellbeing.Intervention.Kind;
import dev.tandem.wellbeing.Intervention.Status;

/** The interventions table; every change of status is a compare-and-set on the version. */
@Repository
class Interventions {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final JdbcClient jdbc;

    Interventions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Intervention insert(UUID agentId, Kind kind, Status status, String reason, Instant at, Integer minutes,
            Instant until) {
        var made = new Intervention(IDS.generate(), agentId, kind, status, reason, at, minutes, until, null, null, 0);
        jdbc.sql("""
                insert into wellbeing_intervention (id, agent_id, kind, status, reason, created_at, minutes, until_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(made.id(), agentId, kind.name(), status.name(), reason, Timestamp.from(at), minutes,
                    until == null ? null : Timestamp.from(until))
            .update();
        return made;
    }

    Optional<Intervention> find(UUID id) {
        return jdbc.sql("select * from wellbeing_intervention where id = ?").param(id).query(Interventions::read)
            .optional();
    }

    /** @return false when it changed meanwhile (another click, another node) */
    boolean decide(Intervention seen, Status to, Instant at, String by, Instant until) {
        return jdbc.sql("""
                update wellbeing_intervention set status = ?, decided_at = ?, decided_by = ?, until_at = ?,
                    version = version + 1
                where id = ? and version = ?""")
            .params(to.name(), Timestamp.from(at), by, until == null ? null : Timestamp.from(until), seen.id(),
                    seen.version())
            .update() == 1;
    }

    /** Moves the end of an intervention in effect (more difficult contacts while it lasts). */
    void extend(UUID id, Instant until, String reason) {
        jdbc.sql("update wellbeing_intervention set until_at = ?, reason = ?, version = version + 1 where id = ?")
            .params(Timestamp.from(until), reason, id).update();
    }

    /** The agent's latest of that kind, if any. */
    Optional<Intervention> latest(UUID agentId, Kind kind) {
        return jdbc.sql("""
                select * from wellbeing_intervention where agent_id = ? and kind = ?
                order by created_at desc, id desc limit 1""")
            .params(agentId, kind.name()).query(Interventions::read).optional();
    }

    /** The agent's interventions since {@code since}, newest first. */
    List<Intervention> ofAgent(UUID agentId, Instant since) {
        return jdbc.sql("""
                select * from wellbeing_intervention where agent_id = ? and created_at >= ?
                order by created_at desc, id desc""")
            .params(agentId, Timestamp.from(since)).query(Interventions::read).list();
    }

    /** Taken breaks and sharing out in effect after {@code now}: what routing needs to know. */
    List<Intervention> inEffect(Instant now) {
        return jdbc.sql("""
                select * from wellbeing_intervention where until_at > ? and status in ('TAKEN', 'ACTIVE')""")
            .param(Timestamp.from(now)).query(Interventions::read).list();
    }

    /** Alerts not yet acknowledged about these agents, newest first. */
    List<Intervention> openAlerts(Collection<UUID> agentIds) {
        if (agentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from wellbeing_intervention
                where kind = 'SUPERVISOR_ALERT' and status = 'OPEN' and agent_id in (:agents)
                order by created_at desc, id desc""")
            .param("agents", agentIds).query(Interventions::read).list();
    }

    private static Intervention read(ResultSet rs, int row) throws SQLException {
        int minutes = rs.getInt("minutes");
        Integer minutesOrNull = rs.wasNull() ? null : minutes;
        Timestamp until = rs.getTimestamp("until_at");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Intervention(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                Kind.valueOf(rs.getString("kind")), Status.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(), minutesOrNull, until == null ? null : until.toInstant(),
                decided == null ? null : decided.toInstant(), rs.getString("decided_by"), rs.getInt("version"));
    }
}
