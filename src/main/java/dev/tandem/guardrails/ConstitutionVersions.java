package dev.tandem.guardrails;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the output constitution in the database: each save is a new version with its author and
 * time, never an update, and the newest is active; with none saved, the one shipped in the jar (version 0)
 * is. The active one is kept in memory and checked for a newer one every few seconds, so every node takes
 * an admin's save within {@code tandem.guardrails.output.refresh} at the cost of one indexed query.
 */
@Component
class ConstitutionVersions {

    /** One saved version, without its text. */
    record Saved(int version, String author, Instant savedAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Constitution bundled = Constitution.bundled();
    private final AtomicReference<Constitution> active = new AtomicReference<>();

    ConstitutionVersions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The constitution in force. */
    Constitution active() {
        Constitution current = active.get();
        if (current == null) {
            current = load();
            active.compareAndSet(null, current);
        }
        return current;
    }

    /** Takes a version saved on another node. */
    @Scheduled(fixedDelayString = "${tandem.guardrails.output.refresh:PT10S}", initialDelayString = "${tandem.guardrails.output.refresh:PT10S}")
    void refresh() {
        Constitution current = active.get();
        if (current != null && newest() != current.version()) {
            active.set(load());
        }
    }

    /**
     * Saves {@code yaml} as the next version, after reading it ({@link Constitution.Invalid} when it cannot be).
     *
     * @return the new active constitution
     */
    @Transactional
    Constitution save(String yaml, String author) {
        int next = newest() + 1;
        Constitution constitution = Constitution.read(next, yaml);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            jdbc.sql("insert into constitution_version (version, yaml, author, saved_at) values (?, ?, ?, ?)")
                .params(next, yaml, author, Timestamp.from(now))
                .update();
        } catch (DuplicateKeyException concurrent) {
            throw new Constitution.Invalid("Someone saved version " + next + " a moment ago; reload and try again.", 0, null);
        }
        events.publishEvent(new ConstitutionSaved(now, author, next, constitution.rules().size()));
        active.set(constitution);
        return constitution;
    }

    /** Newest first. */
    List<Saved> history() {
        return jdbc.sql("select version, author, saved_at from constitution_version order by version desc limit 100")
            .query((rs, n) -> new Saved(rs.getInt("version"), rs.getString("author"), rs.getTimestamp("saved_at").toInstant()))
            .list();
    }

    Optional<String> yamlOf(int version) {
        if (version == 0) {
            return Optional.of(bundled.yaml());
        }
        return jdbc.sql("select yaml from constitution_version where version = ?").param(version).query(String.class).optional();
    }

    private int newest() {
        Integer max = jdbc.sql("select coalesce(max(version), 0) from constitution_version").query(Integer.class).single();
        return max == null ? 0 : max;
    }

    private Constitution load() {
        return jdbc.sql("select version, yaml from constitution_version order by version desc limit 1")
            .query((rs, n) -> Constitution.read(rs.getInt("version"), rs.getString("yaml")))
            .optional()
            .orElse(bundled);
    }
}
