package dev.tandem.routing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is online, away or offline. Someone who never said is offline. */
@Service
public class AgentPresence {

    /** An agent's presence; {@code since} is null when they never set one. */
    public record Presence(UUID userId, PresenceStatus status, Instant since) {
    }

    /** Published when an agent's presence changes. */
    public record PresenceChanged(UUID userId, PresenceStatus status, Instant at) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgentPresence(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Presence set(UUID userId, PresenceStatus status) {
        Presence current = of(userId);
        if (current.status() == status && current.since() != null) {
            return current;
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int updated = jdbc.sql("update agent_presence set status = ?, changed_at = ? where user_id = ?")
            .params(status.name(), Timestamp.from(now), userId).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into agent_presence (user_id, status, changed_at) values (?, ?, ?)")
                    .params(userId, status.name(), Timestamp.from(now)).update();
            }
            catch (DuplicateKeyException setAtTheSameMoment) {
                jdbc.sql("update agent_presence set status = ?, changed_at = ? where user_id = ?")
                    .params(status.name(), Timestamp.from(now), userId).update();
            }
        }
        events.publishEvent(new PresenceChanged(userId, status, now));
        return new Presence(userId, status, now);
    }

    @Transactional(readOnly = true)
    public Presence of(UUID userId) {
        return jdbc.sql("select * from agent_presence where user_id = ?").param(userId)
            .query((rs, n) -> new Presence(userId, PresenceStatus.valueOf(rs.getString("status")),
                    rs.getTimestamp("changed_at").toInstant()))
            .optional().orElse(new Presence(userId, PresenceStatus.OFFLINE, null));
    }

    /** Everyone who ever set a presence; absent means offline. */
    @Transactional(readOnly = true)
    public Map<UUID, PresenceStatus> all() {
        Map<UUID, PresenceStatus> all = new HashMap<>();
        jdbc.sql("select user_id, status from agent_presence").query(rs -> {
            all.put(rs.getObject("user_id", UUID.class), PresenceStatus.valueOf(rs.getString("status")));
        });
        return all;
    }
}
