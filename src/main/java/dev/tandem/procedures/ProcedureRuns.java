package dev.tandem.procedures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ProcedureRuns {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };
    private static final TypeReference<List<ProcedureRun.Event>> HISTORY = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ProcedureRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ProcedureRun run) {
        jdbc.sql("""
                insert into procedure_run (id, conversation_id, procedure_name, status, step, awaiting, attempts, language,
                run_values, history, started_at, updated_at, finished_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
            .params(run.id, run.conversationId, run.procedure, run.status.name(), run.step, run.awaiting, run.attempts,
                    run.language, JSON.writeValueAsString(run.values), JSON.writeValueAsString(run.history),
                    Timestamp.from(run.startedAt), Timestamp.from(run.updatedAt), at(run.finishedAt))
            .update();
    }

    /** Version-checked: a run changed meanwhile (an approval and a message at once) is not overwritten. */
    void update(ProcedureRun run) {
        int updated = jdbc.sql("""
                update procedure_run set status = ?, step = ?, awaiting = ?, attempts = ?, run_values = ?, history = ?,
                updated_at = ?, finished_at = ?, version = version + 1 where id = ? and version = ?""")
            .params(run.status.name(), run.step, run.awaiting, run.attempts, JSON.writeValueAsString(run.values),
                    JSON.writeValueAsString(run.history), Timestamp.from(run.updatedAt), at(run.finishedAt), run.id, run.version)
            .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("procedure run " + run.id + " changed meanwhile");
        }
    }

    Optional<ProcedureRun> find(UUID id) {
        return jdbc.sql("select * from procedure_run where id = ?").param(id).query(ProcedureRuns::run).optional();
    }

    /** The conversation's open run, if any (there is at most one). */
    Optional<ProcedureRun> open(UUID conversationId) {
        return byConversation(conversationId).stream().filter(run -> run.status.open()).reduce((a, b) -> b);
    }

    /** Oldest first. */
    List<ProcedureRun> byConversation(UUID conversationId) {
        return jdbc.sql("select * from procedure_run where conversation_id = ? order by started_at, id")
            .param(conversationId).query(ProcedureRuns::run).list();
    }

    List<ProcedureRun> recent(int limit) {
        return jdbc.sql("select * from procedure_run order by updated_at desc, id desc limit ?").param(limit)
            .query(ProcedureRuns::run).list();
    }

    /** Active runs untouched since {@code before}: their customer has gone. */
    List<UUID> idleSince(Instant before) {
        return jdbc.sql("select id from procedure_run where status = 'ACTIVE' and updated_at < ?")
            .param(Timestamp.from(before)).query(UUID.class).list();
    }

    private static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static ProcedureRun run(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ProcedureRun(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getString("procedure_name"), rs.getString("language"), rs.getTimestamp("started_at").toInstant(),
                rs.getLong("version"), RunStatus.valueOf(rs.getString("status")), rs.getInt("step"), rs.getString("awaiting"),
                rs.getInt("attempts"), JSON.readValue(rs.getString("run_values"), VALUES),
                JSON.readValue(rs.getString("history"), HISTORY), rs.getTimestamp("updated_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
