package dev.tandem.insight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The versions of the resolution definition: each save a new row, never an update; the newest is in force, and
 * with none saved the shipped one (version 0) is. Read at each ledger run (once a minute, one indexed query), so
 * no cache has to be kept in step across nodes.
 */
@Component
class ResolutionDefinitions {

    /** One saved version, without its text. */
    record Saved(int version, String author, Instant savedAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ResolutionDefinition bundled = ResolutionDefinition.bundled();

    ResolutionDefinitions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    ResolutionDefinition active() {
        return jdbc.sql("select version, yaml from resolution_definition order by version desc limit 1")
            .query((rs, n) -> ResolutionDefinition.read(rs.getInt("version"), rs.getString("yaml")))
            .optional()
            .orElse(bundled);
    }

    Optional<ResolutionDefinition> version(int version) {
        if (version == 0) {
            return Optional.of(bundled);
        }
        return jdbc.sql("select yaml from resolution_definition where version = ?").param(version).query(String.class)
            .optional().map(yaml -> ResolutionDefinition.read(version, yaml));
    }

    /** Newest first, the shipped version last. */
    List<Saved> history() {
        var saved = new java.util.ArrayList<>(jdbc.sql(
                "select version, author, saved_at from resolution_definition order by version desc limit 100")
            .query((rs, n) -> new Saved(rs.getInt("version"), rs.getString("author"), rs.getTimestamp("saved_at").toInstant()))
            .list());
        saved.add(new Saved(0, "shipped", null));
        return saved;
    }

    /** Saves {@code yaml} as the next version once it reads (400 otherwise); audited. */
    @Transactional
    ResolutionDefinition save(String yaml, String author) {
        int next = jdbc.sql("select coalesce(max(version), 0) from resolution_definition").query(Integer.class).single() + 1;
        ResolutionDefinition definition = ResolutionDefinition.read(next, yaml);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            jdbc.sql("insert into resolution_definition (version, yaml, author, saved_at) values (?, ?, ?, ?)")
                .params(next, yaml, author, Timestamp.from(now)).update();
        } catch (DuplicateKeyException concurrent) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Someone saved version " + next + " a moment ago; reload it and make your change again."), null);
        }
        events.publishEvent(new ResolutionDefinitionSaved(now, author, next, definition.window().toString()));
        return definition;
    }
}
