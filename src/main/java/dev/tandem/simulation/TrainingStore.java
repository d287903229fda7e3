package dev.tandem.simulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The sandbox's tables, {@code training_session} and {@code training_turn} (V75); writes check the version they saw. */
@Component
class TrainingStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    TrainingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Status {
        ACTIVE, FINISHED
    }

    /** Who ended the session: the person practising, or the customer who gave up. */
    enum EndedBy {
        AGENT, CUSTOMER
    }

    record Session(UUID id, UUID agentId, String scenarioId, Scenario.Kind kind, String language, String customerName,
            Status status, EndedBy endedBy, TrainingScore score, String coachNote, UUID coachId, Instant coachNoteAt,
            Instant startedAt, Instant finishedAt, int version) {
    }

    void insert(Session session) {
        jdbc.sql("""
                insert into training_session (id, agent_id, scenario_id, scenario_kind, language, customer_name, status,
                    started_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
            .params(session.id(), session.agentId(), session.scenarioId(), session.kind().name(), session.language(),
                    session.customerName(), Status.ACTIVE.name(), Timestamp.from(session.startedAt()))
            .update();
    }

    Optional<Session> find(UUID id) {
        return jdbc.sql("select * from training_session where id = ?").param(id).query(TrainingStore::session).optional();
    }

    /** Newest first; all of them when {@code agents} is null. */
    List<Session> byAgents(Collection<UUID> agents, int limit) {
        if (agents != null && agents.isEmpty()) {
            return List.of();
        }
        String where = agents == null ? "" : " where agent_id in (:agents)";
        var statement = jdbc.sql("select * from training_session" + where + " order by started_at desc limit :limit")
            .param("limit", limit);
        if (agents != null) {
            statement = statement.param("agents", agents);
        }
        return statement.query(TrainingStore::session).list();
    }

    List<TrainingTurn> turns(UUID session) {
        return jdbc.sql("select seq, author, text, at from training_turn where session_id = ? order by seq").param(session)
            .query((rs, n) -> new TrainingTurn(rs.getInt("seq"), TrainingTurn.Author.valueOf(rs.getString("author")),
                    rs.getString("text"), rs.getTimestamp("at").toInstant()))
            .list();
    }

    boolean hasClientTurn(UUID session, String clientTurnId) {
        return jdbc.sql("select count(*) from training_turn where session_id = ? and client_turn_id = ?")
            .params(session, clientTurnId).query(Integer.class).single() > 0;
    }

    void addTurn(UUID session, int seq, TrainingTurn.Author author, String text, String clientTurnId, Instant at) {
        jdbc.sql("insert into training_turn (session_id, seq, author, text, client_turn_id, at) values (?, ?, ?, ?, ?, ?)")
            .params(session, seq, author.name(), text, clientTurnId, Timestamp.from(at))
            .update();
    }

    /** Claims the session for one writer: false when someone else changed it since {@code version} was read. */
    boolean touch(UUID session, int version) {
        return jdbc.sql("update training_session set version = version + 1 where id = ? and version = ?")
            .params(session, version).update() == 1;
    }

    void finish(UUID session, EndedBy by, TrainingScore score, Instant at) {
        jdbc.sql("""
                update training_session set status = ?, ended_by = ?, goal_met = ?, rubric_passed = ?, rubric_applicable = ?,
                    score = ?, finished_at = ?, version = version + 1 where id = ?""")
            .params(Status.FINISHED.name(), by.name(), score.goalMet(), (int) score.passed(), (int) score.applicable(),
                    JSON.writeValueAsString(score), Timestamp.from(at), session)
            .update();
    }

    void note(UUID session, String note, UUID coach, Instant at) {
        jdbc.sql("update training_session set coach_note = ?, coach_id = ?, coach_note_at = ?, version = version + 1 where id = ?")
            .params(note, coach, Timestamp.from(at), session)
            .update();
    }

    private static Session session(ResultSet rs, int n) throws SQLException {
        String score = rs.getString("score");
        String endedBy = rs.getString("ended_by");
        return new Session(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class), rs.getString("scenario_id"),
                Scenario.Kind.valueOf(rs.getString("scenario_kind")), rs.getString("language"), rs.getString("customer_name"),
                Status.valueOf(rs.getString("status")), endedBy == null ? null : EndedBy.valueOf(endedBy),
                score == null ? null : JSON.readValue(score, TrainingScore.class), rs.getString("coach_note"),
                rs.getObject("coach_id", UUID.class), instant(rs.getTimestamp("coach_note_at")),
                rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("finished_at")), rs.getInt("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
