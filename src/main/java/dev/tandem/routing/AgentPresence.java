package dev.tandem.routing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is online, away or offline. Someone who never said is offline. Besides the agent, two things
 * take an agent offline: not being seen for {@code tandem.routing.presence.offline-after} (no workspace
 * page open, no API call; see {@link PresenceWatch}) and signing out.
 */
@Service
public class AgentPresence {

    /** Who set an agent's status last. */
    public enum ChangedBy {
        /** the agent, in the workspace or through the API */
        AGENT,
        /** the presence watch: not seen for longer than {@code tandem.routing.presence.offline-after} */
        TIMEOUT,
        /** signing out of the workspace */
        SIGN_OUT
    }

    /**
     * An agent's presence; {@code since} and {@code lastSeenAt} are null when they never set one.
     *
     * @param statusBeforeTimeout what the agent had chosen before the timeout took them offline; null otherwise
     */
    public record Presence(UUID userId, PresenceStatus status, Instant since, ChangedBy changedBy,
            PresenceStatus statusBeforeTimeout, Instant lastSeenAt) {

        /** Offline because they were gone too long rather than by choice: they may want their status back. */
        public boolean timedOut() {
            return status == PresenceStatus.OFFLINE && changedBy == ChangedBy.TIMEOUT;
        }
    }

    /**
     * Published when an agent's presence changes.
     *
     * @param previous the status before (OFFLINE when they never had one)
     * @param lastSeenAt when the agent was last seen; for a timeout, the moment they left
     */
    public record PresenceChanged(UUID userId, PresenceStatus status, Instant at, PresenceStatus previous,
            ChangedBy changedBy, Instant lastSeenAt) {
    }

    /** Keeps each statement's IN list well below what the databases accept. */
    private static final int SEEN_BATCH = 1000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgentPresence(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The agent sets their presence; it also counts as being seen. */
    @Transactional
    public Presence set(UUID userId, PresenceStatus status) {
        Presence current = of(userId);
        var now = now();
        if (current.status() == status && current.changedBy() == ChangedBy.AGENT && current.since() != null) {
            seen(List.of(userId));
            return new Presence(userId, status, current.since(), ChangedBy.AGENT, null, now);
        }
        boolean statusChanges = current.status() != status || current.since() == null;
        Instant since = statusChanges ? now : current.since();
        int updated = update(userId, status, since, now);
        if (updated == 0) {
            try {
                jdbc.sql("""
                        insert into agent_presence (user_id, status, changed_at, changed_by, last_seen_at)
                        values (?, ?, ?, 'AGENT', ?)""")
                    .params(userId, status.name(), Timestamp.from(since), Timestamp.from(now)).update();
            }
            catch (DuplicateKeyException setAtTheSameMoment) {
                update(userId, status, since, now);
            }
        }
        if (statusChanges) {
            events.publishEvent(new PresenceChanged(userId, status, now, current.status(), ChangedBy.AGENT, now));
        }
        return new Presence(userId, status, since, ChangedBy.AGENT, null, now);
    }

    private int update(UUID userId, PresenceStatus status, Instant since, Instant now) {
        return jdbc.sql("""
                update agent_presence set status = ?, changed_at = ?, changed_by = 'AGENT',
                    status_before_timeout = null, last_seen_at = ?
                where user_id = ?""")
            .params(status.name(), Timestamp.from(since), Timestamp.from(now), userId).update();
    }

    /**
     * These users were seen just now (a workspace page open, an API call). A few statements for any
     * number of users; users who never set a presence have no row and need none.
     */
    @Transactional
    public void seen(Collection<UUID> userIds) {
        var now = Timestamp.from(now());
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(userIds));
        for (int from = 0; from < distinct.size(); from += SEEN_BATCH) {
            List<UUID> batch = distinct.subList(from, Math.min(from + SEEN_BATCH, distinct.size()));
            // "< now": a node whose clock lags must not move someone's last sighting back
            jdbc.sql("update agent_presence set last_seen_at = :now where user_id in (:ids) and last_seen_at < :now")
                .param("now", now).param("ids", batch).update();
        }
    }

    @Transactional(readOnly = true)
    public Presence of(UUID userId) {
        return jdbc.sql("select * from agent_presence where user_id = ?").param(userId)
            .query((rs, n) -> {
                String before = rs.getString("status_before_timeout");
                return new Presence(userId, PresenceStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("changed_at").toInstant(), ChangedBy.valueOf(rs.getString("changed_by")),
                        before == null ? null : PresenceStatus.valueOf(before),
                        rs.getTimestamp("last_seen_at").toInstant());
            })
            .optional().orElse(new Presence(userId, PresenceStatus.OFFLINE, null, ChangedBy.AGENT, null, null));
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

    /**
     * Like {@link #all()}, but agents not seen since {@code seenSince} count as offline already, so that
     * nobody is given a conversation in the moments between their timeout and the watch's next round.
     */
    @Transactional(readOnly = true)
    Map<UUID, PresenceStatus> allSeenSince(Instant seenSince) {
        Map<UUID, PresenceStatus> all = new HashMap<>();
        jdbc.sql("select user_id, status, last_seen_at from agent_presence").query(rs -> {
            boolean gone = rs.getTimestamp("last_seen_at").toInstant().isBefore(seenSince);
            all.put(rs.getObject("user_id", UUID.class),
                    gone ? PresenceStatus.OFFLINE : PresenceStatus.valueOf(rs.getString("status")));
        });
        return all;
    }

    /** ONLINE or AWAY agents last seen before {@code cutoff}. */
    @Transactional(readOnly = true)
    List<UUID> unseenSince(Instant cutoff) {
        return jdbc.sql("""
                select user_id from agent_presence
                where status in ('ONLINE', 'AWAY') and last_seen_at < ?
                order by last_seen_at""")
            .param(Timestamp.from(cutoff)).query(UUID.class).list();
    }

    /**
     * Takes the agent offline if they are still ONLINE or AWAY and unseen since {@code cutoff}: a guarded
     * update, so that an agent who came back meanwhile stays, and two callers cannot both do it.
     *
     * @return the change, published; empty when the agent was seen or changed their status meanwhile
     */
    @Transactional
    Optional<PresenceChanged> timeOut(UUID userId, Instant cutoff) {
        var now = now();
        int updated = jdbc.sql("""
                update agent_presence set status_before_timeout = status, status = 'OFFLINE', changed_by = 'TIMEOUT',
                    changed_at = ?
                where user_id = ? and status in ('ONLINE', 'AWAY') and last_seen_at < ?""")
            .params(Timestamp.from(now), userId, Timestamp.from(cutoff)).update();
        if (updated == 0) {
            return Optional.empty();
        }
        Presence after = of(userId);
        var changed = new PresenceChanged(userId, PresenceStatus.OFFLINE, now, after.statusBeforeTimeout(),
                ChangedBy.TIMEOUT, after.lastSeenAt());
        events.publishEvent(changed);
        return Optional.of(changed);
    }

    /**
     * Signing out takes the agent offline at once. It also withdraws the offer to restore the status
     * a timeout took: they left on purpose.
     */
    @Transactional
    void signedOut(UUID userId) {
        Presence current = of(userId);
        boolean leaves = current.since() != null && current.status() != PresenceStatus.OFFLINE;
        if (!leaves && !current.timedOut()) {
            return;
        }
        var now = now();
        jdbc.sql("""
                update agent_presence set status = 'OFFLINE', changed_at = ?, changed_by = 'SIGN_OUT',
                    status_before_timeout = null
                where user_id = ?""")
            .params(Timestamp.from(leaves ? now : current.since()), userId).update();
        if (leaves) {
            events.publishEvent(new PresenceChanged(userId, PresenceStatus.OFFLINE, now, current.status(),
                    ChangedBy.SIGN_OUT, current.lastSeenAt()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
