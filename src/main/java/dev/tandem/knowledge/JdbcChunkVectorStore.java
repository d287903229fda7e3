package dev.tandem.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The passage vectors in table {@code chunk_vector} (V17), shared by all nodes. No method runs in a
 * transaction: each statement commits on its own, so a duplicate key (two nodes storing the same
 * text at once) costs one row and never aborts the rest, and nothing holds locks while embedding.
 *
 * <p>Deleting is safe against a node that is using a vector at that very moment: a lookup first
 * marks the vectors it is about to read as used ({@code used_at}, refreshed only when older than half
 * the keeping time, so a start-up writes at most once a while), and then reads them; a delete takes
 * only rows whose {@code used_at} is still older than the keeping time. So either the delete comes
 * first and the lookup misses (and the vector is embedded and stored again), or the mark comes first
 * and the delete leaves the row.
 */
class JdbcChunkVectorStore implements ChunkVectorStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcChunkVectorStore.class);

    /** Keys per statement: well under every database's limit of bound parameters. */
    private static final int BATCH = 1000;

    /** Rows per insert statement (four parameters each). */
    private static final int INSERT_BATCH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keptFor;

    /**
     * @param keptFor how long a vector no published article uses is kept after it was last stored or
     *        looked up (a rolling upgrade's old nodes, an article published again, another node's build)
     */
    JdbcChunkVectorStore(JdbcClient jdbc, Clock clock, Duration keptFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keptFor = keptFor;
    }

    @Override
    public Map<String, float[]> find(String model, Collection<String> sha256s) {
        List<String> keys = sha256s.stream().distinct().sorted().toList();
        Instant now = clock.instant();
        Timestamp stale = Timestamp.from(now.minus(keptFor.dividedBy(2)));
        Map<String, float[]> found = new HashMap<>(keys.size() * 2);
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            String in = placeholders(batch.size());
            List<Object> params = new ArrayList<>(batch.size() + 3);
            params.add(Timestamp.from(now));
            params.add(model);
            params.add(stale);
            params.addAll(batch);
            try {
                // first mark, then read: see the class comment
                jdbc.sql("update chunk_vector set used_at = ? where model = ? and used_at < ? and text_sha256 in (" + in
                        + ")").params(params).update();
            } catch (PessimisticLockingFailureException anotherNodeMarksThemNow) {
                // a deadlock with another node marking the same rows: its mark commits, which is all we need
                log.debug("Another node is marking the same vectors as used", anotherNodeMarksThemNow);
            }
            jdbc.sql("select text_sha256, vector from chunk_vector where model = ? and text_sha256 in (" + in + ")")
                .param(model).params(batch)
                .query(rs -> {
                    found.put(rs.getString(1), ChunkVectorStore.vector(rs.getBytes(2)));
                });
        }
        return found;
    }

    @Override
    public void save(String model, Map<String, float[]> vectors) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Map.Entry<String, float[]>> rows = new ArrayList<>(vectors.entrySet());
        for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
            List<Map.Entry<String, float[]>> batch = rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH));
            try {
                // one statement, so one commit, for many rows: a commit per row made storing a first
                // build's 12,500 vectors take 40 s on PostgreSQL
                List<Object> params = new ArrayList<>(batch.size() * 4);
                batch.forEach(row -> params.addAll(List.of(model, row.getKey(), ChunkVectorStore.bytes(row.getValue()), now)));
                jdbc.sql("insert into chunk_vector (model, text_sha256, vector, used_at) values "
                        + String.join(", ", Collections.nCopies(batch.size(), "(?, ?, ?, ?)")))
                    .params(params).update();
            } catch (DuplicateKeyException someStoredByAnotherNode) {
                for (Map.Entry<String, float[]> row : batch) {
                    try {
                        jdbc.sql("insert into chunk_vector (model, text_sha256, vector, used_at) values (?, ?, ?, ?)")
                            .params(model, row.getKey(), ChunkVectorStore.bytes(row.getValue()), now).update();
                    } catch (DuplicateKeyException storedByAnotherNode) {
                        // the same text under the same model: the same vector
                    }
                }
            }
        }
    }

    /**
     * Deletes the vectors that no published article uses: those under another model than
     * {@code model}, and those under it whose text is not in {@code inUse}, provided each was last
     * stored or looked up longer than the keeping time ago.
     *
     * @return how many were deleted
     */
    int deleteUnused(String model, Set<String> inUse) {
        Timestamp before = Timestamp.from(clock.instant().minus(keptFor));
        Map<String, List<String>> unused = new HashMap<>();
        jdbc.sql("select model, text_sha256 from chunk_vector where used_at < ?").param(before).query(rs -> {
            String of = rs.getString(1);
            String sha256 = rs.getString(2);
            if (!of.equals(model) || !inUse.contains(sha256)) {
                unused.computeIfAbsent(of, m -> new ArrayList<>()).add(sha256);
            }
        });
        int deleted = 0;
        for (Map.Entry<String, List<String>> of : unused.entrySet()) {
            List<String> keys = of.getValue();
            Collections.sort(keys);
            for (int from = 0; from < keys.size(); from += BATCH) {
                List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
                deleted += jdbc
                    .sql("delete from chunk_vector where model = ? and used_at < ? and text_sha256 in ("
                            + placeholders(batch.size()) + ")")
                    .param(of.getKey()).param(before).params(batch).update();
            }
        }
        return deleted;
    }

    int count() {
        return jdbc.sql("select count(*) from chunk_vector").query(Integer.class).single();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
