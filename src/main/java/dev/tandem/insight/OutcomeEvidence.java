package dev.tandem.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** The evidence log: appended only, each (conversation, kind, time) once so that a redelivered event adds nothing. */
@Repository
class OutcomeEvidence {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final JdbcClient jdbc;
    private final Clock clock;

    OutcomeEvidence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return true when it was new */
    boolean record(UUID conversationId, Evidence.Kind kind, Instant at, String ref) {
        try {
            jdbc.sql("""
                    insert into outcome_evidence (id, conversation_id, kind, at, ref, recorded_at)
                    values (?, ?, ?, ?, ?, ?)""")
                .params(IDS.generate(), conversationId, kind.name(), Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)),
                        ref, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    /** A conversation's evidence, oldest first. */
    List<Evidence> of(UUID conversationId) {
        return jdbc.sql("select * from outcome_evidence where conversation_id = ? order by at, id")
            .param(conversationId).query(OutcomeEvidence::read).list();
    }

    static Evidence read(ResultSet rs, int row) throws SQLException {
        return new Evidence(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                Evidence.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("at").toInstant(), rs.getString("ref"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
