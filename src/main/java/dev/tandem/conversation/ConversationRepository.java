package dev.tandem.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConversationRepository {

    private static final String SELECT = """
            select c.*, cu.name as customer_name, cu.email as customer_email, cu.external_id as customer_external_id,
                   cu.created_at as customer_created_at
            from conversation c join customer cu on cu.id = c.customer_id
            """;

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID customerId, ConversationStatus status, String channel, UUID teamId, String subject,
            Instant at) {
        jdbc.sql("""
                insert into conversation (id, customer_id, status, channel, team_id, subject, created_at, updated_at,
                                          last_message_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
            .params(id, customerId, status.name(), channel, teamId, subject, Timestamp.from(at), Timestamp.from(at),
                    Timestamp.from(at))
            .update();
    }

    Optional<ConversationSummary> findById(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(ConversationRepository::summary).optional();
    }

    List<ConversationSummary> findByCustomer(UUID customerId) {
        return jdbc.sql(SELECT + " where c.customer_id = ? order by c.last_message_at desc").param(customerId)
            .query(ConversationRepository::summary).list();
    }

    /** Open conversations with the AI or in the queue whose last message falls in [from, to), oldest first. */
    List<ConversationSummary> quietBetween(Instant from, Instant to, int limit) {
        return jdbc.sql(SELECT + """
                 where c.status in ('AI', 'QUEUED') and c.last_message_at >= ? and c.last_message_at < ?
                 order by c.last_message_at limit ?""")
            .params(Timestamp.from(from), Timestamp.from(to), limit).query(ConversationRepository::summary).list();
    }

    List<ConversationSummary> find(ConversationFilter filter, TeamScope scope, int limit, int offset) {
        var where = new Where(filter, scope);
        return jdbc.sql(SELECT + where.sql() + " order by " + order(filter) + " limit " + limit + " offset " + offset)
            .params(where.params).query(ConversationRepository::summary).list();
    }

    /**
     * The queue (only QUEUED) is worked in order: the most urgent first, then the earliest
     * first-response target; every other list shows the latest activity first.
     */
    private static String order(ConversationFilter filter) {
        if (filter.statuses().equals(java.util.Set.of(ConversationStatus.QUEUED))) {
            return QUEUE_ORDER;
        }
        return "c.last_message_at desc";
    }

    private static final String QUEUE_ORDER = """
            case c.priority when 'URGENT' then 0 when 'HIGH' then 1 else 2 end,
            case when c.first_response_due_at is null then 1 else 0 end, c.first_response_due_at, c.last_message_at""";

    /** Waiting conversations of every team in queue order, for routing (no user's scope). */
    List<ConversationSummary> queued(UUID teamId, int limit) {
        return jdbc.sql(SELECT + " where c.status = 'QUEUED' and c.team_id = ? order by " + QUEUE_ORDER + " limit " + limit)
            .param(teamId).query(ConversationRepository::summary).list();
    }

    /** Conversations someone must answer whose first-response target passed and was not yet marked missed. */
    List<ConversationSummary> pastFirstResponseDue(Instant now, int limit) {
        return jdbc.sql(SELECT + """
                 where c.first_response_due_at < ? and c.first_responded_at is null
                   and c.first_response_breached_at is null and c.status in ('QUEUED', 'ASSIGNED')
                 order by c.first_response_due_at""" + " limit " + limit)
            .param(Timestamp.from(now)).query(ConversationRepository::summary).list();
    }

    /** Open ASSIGNED conversations per agent: their load. */
    java.util.Map<UUID, Long> assignedCounts() {
        var counts = new java.util.HashMap<UUID, Long>();
        jdbc.sql("select assignee_id, count(*) as n from conversation where status = 'ASSIGNED' and assignee_id is not null "
                + "group by assignee_id")
            .query(rs -> {
                counts.put(rs.getObject("assignee_id", UUID.class), rs.getLong("n"));
            });
        return counts;
    }

    /** How long customers waited for their first reply, for waits answered since then (newest first). */
    List<java.time.Duration> firstResponseTimes(Instant since, int limit) {
        return jdbc.sql("""
                select waiting_since, first_responded_at from conversation
                where first_responded_at >= ? and waiting_since is not null
                order by first_responded_at desc""" + " limit " + limit)
            .param(Timestamp.from(since))
            .query((rs, n) -> java.time.Duration.between(rs.getTimestamp("waiting_since").toInstant(),
                    rs.getTimestamp("first_responded_at").toInstant()))
            .list();
    }

    /**
     * A new wait for a person begins (the previous one, if any, was answered): sets the priority and
     * the target. Only while the conversation is QUEUED, so that a target set a moment after an agent
     * already took it cannot turn into a false breach. Leaves the version alone: this is bookkeeping
     * beside the status machine, it must not make a concurrent transition fail.
     */
    int startWaiting(UUID id, ConversationPriority priority, Instant since, Instant dueAt, boolean evenIfAwaited) {
        return jdbc.sql("""
                update conversation set priority = ?, waiting_since = ?, first_response_due_at = ?,
                       first_responded_at = null, first_response_breached_at = null
                where id = ? and status = 'QUEUED'"""
                + (evenIfAwaited ? "" : " and (first_response_due_at is null or first_responded_at is not null)"))
            .params(priority.name(), Timestamp.from(since), Timestamp.from(dueAt), id)
            .update();
    }

    /** A more urgent reason arrived for the current wait: the target only ever moves earlier. */
    int raise(UUID id, ConversationPriority priority, Instant since, Instant dueAt) {
        // the wait began at the earlier of the two moments (the handoff and the escalation are a millisecond apart)
        return jdbc.sql("""
                update conversation set priority = ?, first_response_due_at = ?,
                       waiting_since = case when waiting_since > ? then ? else waiting_since end
                where id = ? and first_responded_at is null and first_response_due_at > ?""")
            .params(priority.name(), Timestamp.from(dueAt), Timestamp.from(since), Timestamp.from(since), id,
                    Timestamp.from(dueAt))
            .update();
    }

    /** The first agent reply of the current wait; 0 when there is no wait or it was answered already. */
    int markFirstResponse(UUID id, Instant at) {
        return jdbc.sql("""
                update conversation set first_responded_at = ?
                where id = ? and first_response_due_at is not null and first_responded_at is null""")
            .params(Timestamp.from(at), id)
            .update();
    }

    /** 1 for exactly one caller, whichever node it runs on. */
    int markFirstResponseBreached(UUID id, Instant at) {
        return jdbc.sql("""
                update conversation set first_response_breached_at = ?
                where id = ? and first_response_breached_at is null and first_responded_at is null""")
            .params(Timestamp.from(at), id)
            .update();
    }

    /**
     * Like {@link #claim}, and only while the agent has fewer than {@code capacity} conversations:
     * automatic assignment never gives anyone more than they can hold, even when two nodes assign at once
     * (the count and the update are one statement; on PostgreSQL two simultaneous statements may still
     * both see the old count, which overshoots by at most one).
     */
    int claimWithinCapacity(UUID id, UUID assigneeId, int capacity, Instant at) {
        return jdbc.sql("""
                update conversation set status = 'ASSIGNED', assignee_id = ?, updated_at = ?, version = version + 1
                where id = ? and status = 'QUEUED'
                  and (select count(*) from conversation mine where mine.assignee_id = ? and mine.status = 'ASSIGNED') < ?""")
            .params(assigneeId, Timestamp.from(at), id, assigneeId, capacity)
            .update();
    }

    long count(ConversationFilter filter, TeamScope scope) {
        var where = new Where(filter, scope);
        return jdbc.sql("select count(*) from conversation c" + where.sql()).params(where.params).query(Long.class)
            .single();
    }

    /** Atomically takes a waiting conversation; 0 when someone else was faster or it is not waiting. */
    int claim(UUID id, UUID assigneeId, Instant at) {
        return jdbc.sql("""
                update conversation set status = 'ASSIGNED', assignee_id = ?, updated_at = ?, version = version + 1
                where id = ? and status in ('AI', 'QUEUED')""")
            .params(assigneeId, Timestamp.from(at), id)
            .update();
    }

    /** Compare-and-set on the version the caller decided on; 0 when the conversation changed meanwhile. */
    int changeState(UUID id, long expectedVersion, ConversationStatus status, UUID teamId, UUID assigneeId,
            Instant resolvedAt, Instant at) {
        return jdbc.sql("""
                update conversation set status = ?, team_id = ?, assignee_id = ?, resolved_at = ?, updated_at = ?,
                                        version = version + 1
                where id = ? and version = ?""")
            .params(status.name(), teamId, assigneeId, resolvedAt == null ? null : Timestamp.from(resolvedAt),
                    Timestamp.from(at), id, expectedVersion)
            .update();
    }

    /** @return 1 when the address changed, 0 when the conversation already had it */
    int leaveFollowUpEmail(UUID id, String email) {
        return jdbc.sql("""
                update conversation set follow_up_email = ?
                where id = ? and (follow_up_email is null or follow_up_email <> ?)""")
            .params(email, id, email).update();
    }

    void recordActivity(UUID id, String preview, Instant at) {
        jdbc.sql("update conversation set last_message_at = ?, last_preview = coalesce(?, last_preview), updated_at = ? where id = ?")
            .params(Timestamp.from(at), preview, Timestamp.from(at), id)
            .update();
    }

    /** First request for a person only; 0 when one was recorded already. */
    int markHandoffRequested(UUID id, Instant at) {
        return jdbc.sql("update conversation set handoff_requested_at = ? where id = ? and handoff_requested_at is null")
            .params(Timestamp.from(at), id)
            .update();
    }

    void detachFromTeam(UUID teamId) {
        jdbc.sql("update conversation set team_id = null where team_id = ?").param(teamId).update();
    }

    void clearHandoffRequest(UUID id) {
        jdbc.sql("update conversation set handoff_requested_at = null where id = ?").param(id).update();
    }

    private static final class Where {

        private final List<String> clauses = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        Where(ConversationFilter filter, TeamScope scope) {
            if (!filter.statuses().isEmpty()) {
                clauses.add("c.status in (" + placeholders(filter.statuses().size()) + ")");
                filter.statuses().forEach(s -> params.add(s.name()));
            }
            if (filter.assigneeId() != null) {
                clauses.add("c.assignee_id = ?");
                params.add(filter.assigneeId());
            }
            if (filter.teamId() != null) {
                clauses.add("c.team_id = ?");
                params.add(filter.teamId());
            }
            if (!scope.allTeams()) {
                if (scope.teamIds().isEmpty()) {
                    clauses.add("c.team_id is null");
                }
                else {
                    clauses.add("(c.team_id is null or c.team_id in (" + placeholders(scope.teamIds().size()) + "))");
                    params.addAll(scope.teamIds());
                }
            }
        }

        String sql() {
            return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        }

        private static String placeholders(int n) {
            return String.join(", ", java.util.Collections.nCopies(n, "?"));
        }
    }

    record TeamScope(boolean allTeams, Collection<UUID> teamIds) {
    }

    static ConversationSummary summary(ResultSet rs, int row) throws SQLException {
        var customer = new Customer(rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                rs.getString("customer_email"), rs.getString("customer_external_id"),
                rs.getTimestamp("customer_created_at").toInstant());
        return new ConversationSummary(rs.getObject("id", UUID.class),
                ConversationStatus.valueOf(rs.getString("status")), rs.getString("channel"),
                rs.getObject("team_id", UUID.class), rs.getObject("assignee_id", UUID.class), customer,
                rs.getString("subject"), rs.getString("last_preview"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "last_message_at"), instant(rs, "resolved_at"),
                instant(rs, "handoff_requested_at"), rs.getLong("version"),
                ConversationPriority.valueOf(rs.getString("priority")), firstResponse(rs),
                rs.getString("follow_up_email"));
    }

    private static FirstResponse firstResponse(ResultSet rs) throws SQLException {
        Instant due = instant(rs, "first_response_due_at");
        return due == null ? null : new FirstResponse(instant(rs, "waiting_since"), due,
                instant(rs, "first_responded_at"), instant(rs, "first_response_breached_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
