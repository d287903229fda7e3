package dev.tandem.understanding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class IntentSetRepository {

    private static final String COLUMNS = "id, file_name, uploaded_by, uploaded_at, example_count, label_count, status,"
            + " phase, progress_done, progress_total, failure, held_out_accuracy, held_out_count, training_millis,"
            + " trained_at, model_bytes";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    IntentSetRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Transactional
    void insert(IntentSet set, List<IntentExample> examples) {
        jdbc.sql("insert into intent_set (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, null, null, null,"
                + " null, null, null)")
            .params(set.id(), set.fileName(), set.uploadedBy(), Timestamp.from(set.uploadedAt()), set.exampleCount(),
                    set.labelCount(), set.status().name(), set.phase())
            .update();
        // One batch, not 15,000 round trips.
        batch.batchUpdate("insert into intent_example (intent_set_id, position, text, label) values (?, ?, ?, ?)",
                java.util.stream.IntStream.range(0, examples.size())
                    .mapToObj(i -> new Object[] { set.id(), i, examples.get(i).text(), examples.get(i).label() })
                    .toList());
    }

    Optional<IntentSet> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from intent_set where id = ?").param(id)
            .query(IntentSetRepository::intentSet).optional();
    }

    /** The newest sets first. */
    List<IntentSet> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from intent_set order by uploaded_at desc, id desc limit " + limit)
            .query(IntentSetRepository::intentSet).list();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from intent_set").query(Long.class).single() == 0;
    }

    /** The set whose model is in use: the newest that finished training. */
    Optional<IntentSet> newestReady() {
        return jdbc.sql("select " + COLUMNS + " from intent_set where status = 'READY'"
                + " order by uploaded_at desc, id desc limit 1").query(IntentSetRepository::intentSet).optional();
    }

    List<UUID> unfinished() {
        return jdbc.sql("select id from intent_set where status in ('QUEUED', 'TRAINING') order by uploaded_at")
            .query(UUID.class).list();
    }

    List<IntentExample> examples(UUID id) {
        return jdbc.sql("select text, label from intent_example where intent_set_id = ? order by position").param(id)
            .query((rs, n) -> new IntentExample(rs.getString("text"), rs.getString("label"))).list();
    }

    List<IntentSet.LabelCount> labelCounts(UUID id) {
        return jdbc.sql("select label, count(*) as examples from intent_example where intent_set_id = ?"
                + " group by label order by label").param(id)
            .query((rs, n) -> new IntentSet.LabelCount(rs.getString("label"), rs.getInt("examples"))).list();
    }

    byte[] model(UUID id) {
        return jdbc.sql("select model from intent_set where id = ?").param(id)
            .query((rs, n) -> rs.getBytes("model")).single();
    }

    void progress(UUID id, IntentSet.Status status, String phase, int done, int total) {
        jdbc.sql("update intent_set set status = ?, phase = ?, progress_done = ?, progress_total = ? where id = ?")
            .params(status.name(), phase, done, total, id).update();
    }

    void ready(UUID id, Double heldOutAccuracy, int heldOutCount, long millis, Instant trainedAt, byte[] model) {
        jdbc.sql("update intent_set set status = 'READY', phase = null, held_out_accuracy = ?, held_out_count = ?,"
                + " training_millis = ?, trained_at = ?, model_bytes = ?, model = ? where id = ?")
            .params(heldOutAccuracy, heldOutCount, millis, Timestamp.from(trainedAt), model.length, model, id)
            .update();
    }

    void failed(UUID id, String failure) {
        jdbc.sql("update intent_set set status = 'FAILED', phase = null, failure = ? where id = ?")
            .params(failure.length() > 1000 ? failure.substring(0, 1000) : failure, id).update();
    }

    private static IntentSet intentSet(ResultSet rs, int row) throws SQLException {
        Timestamp trainedAt = rs.getTimestamp("trained_at");
        return new IntentSet(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getInt("example_count"), rs.getInt("label_count"),
                IntentSet.Status.valueOf(rs.getString("status")), rs.getString("phase"), rs.getInt("progress_done"),
                rs.getInt("progress_total"), rs.getString("failure"), rs.getObject("held_out_accuracy", Double.class),
                rs.getObject("held_out_count", Integer.class), rs.getObject("training_millis", Long.class),
                trainedAt == null ? null : trainedAt.toInstant(), rs.getObject("model_bytes", Integer.class));
    }
}
