package dev.tandem.escalation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Learned opinions by what they were learned from; only the newest is kept. */
@Repository
class EscalationModelStore {

    private final JdbcClient jdbc;

    EscalationModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<byte[]> find(String fingerprint) {
        return jdbc.sql("select model from escalation_model where fingerprint = ?").param(fingerprint)
            .query((rs, n) -> rs.getBytes("model")).optional();
    }

    /**
     * Stores a model in place of the one stored before; another node storing the same one
     * first is fine. Not one transaction: on PostgreSQL the duplicate would abort it, and a model lost
     * between the two statements is only learned again at the next start.
     */
    void save(String fingerprint, int examples, Instant learnedAt, Duration took, byte[] model) {
        // the one stored before was learned from other examples, or cannot be read
        jdbc.sql("delete from escalation_model").update();
        try {
            jdbc.sql("""
                    insert into escalation_model (fingerprint, examples, learned_at, learning_millis, model_bytes, model)
                    values (?, ?, ?, ?, ?, ?)""")
                .params(fingerprint, examples, Timestamp.from(learnedAt), took.toMillis(), model.length, model).update();
        } catch (DuplicateKeyException storedByAnotherNode) {
            // the same examples, learned the same way: theirs is as good as ours
        }
    }
}
