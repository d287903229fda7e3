package dev.tandem.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rubric's versions: each admin save is a new version, never an update, and the newest is active; with none
 * saved the jar's (version 0) is. Kept in memory and checked for a newer one every minute (scoring is after the
 * fact: a node that scores one more conversation with the previous version says so in the score).
 */
@Component
class RubricVersions {

    record Saved(int version, String author, Instant savedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Rubric bundled = Rubric.bundled();
    private final AtomicReference<Rubric> active = new AtomicReference<>();

    RubricVersions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Rubric active() {
        Rubric current = active.get();
        if (current == null) {
            current = load();
            active.compareAndSet(null, current);
        }
        return current;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        Rubric current = active.get();
        if (current != null && newest() != current.version()) {
            active.set(load());
        }
    }

    /** Saves {@code yaml} as the next version after reading it ({@link Rubric.Invalid} when it cannot be). */
    @Transactional
    Rubric save(String yaml, String author) {
        int next = newest() + 1;
        Rubric rubric = Rubric.read(next, yaml);
        try {
            jdbc.sql("insert into quality_rubric_version (version, yaml, author, saved_at) values (?, ?, ?, ?)")
                .params(next, yaml, author, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
        } catch (DuplicateKeyException concurrent) {
            throw new Rubric.Invalid("Someone saved version " + next + " a moment ago; reload and try again.", 0);
        }
        active.set(rubric);
        return rubric;
    }

    List<Saved> history() {
        return jdbc.sql("select version, author, saved_at from quality_rubric_version order by version desc limit 100")
            .query((rs, n) -> new Saved(rs.getInt("version"), rs.getString("author"), rs.getTimestamp("saved_at").toInstant()))
            .list();
    }

    Optional<Rubric> version(int version) {
        if (version == 0) {
            return Optional.of(bundled);
        }
        return jdbc.sql("select yaml from quality_rubric_version where version = ?").param(version).query(String.class)
            .optional().map(yaml -> Rubric.read(version, yaml));
    }

    private int newest() {
        Integer max = jdbc.sql("select coalesce(max(version), 0) from quality_rubric_version").query(Integer.class).single();
        return max == null ? 0 : max;
    }

    private Rubric load() {
        return jdbc.sql("select version, yaml from quality_rubric_version order by version desc limit 1")
            .query((rs, n) -> Rubric.read(rs.getInt("version"), rs.getString("yaml")))
            .optional()
            .orElse(bundled);
    }
}
