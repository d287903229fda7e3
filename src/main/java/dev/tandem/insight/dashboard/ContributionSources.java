package dev.tandem.insight.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.tandem.answering.KnowledgeGaps;
import dev.tandem.insight.Outcome;

/**
 * Reads what the contributions are derived from: the outcome rows (this module's), the escalation reasons the
 * events brought, and the questions the assistant could not answer (module answering). Three queries for a page of
 * conversations, whether one or a thousand.
 */
@Repository
class ContributionSources {

    private static final String COLUMNS = """
            conversation_id, started_day, team_id, agent_id, channel, language, intent, outcome, verified, handoff_at,
            first_response_seconds, relief_seconds, csat, repeated_facts, repeat_contact_id""";

    private final JdbcClient jdbc;
    private final KnowledgeGaps gaps;

    ContributionSources(JdbcClient jdbc, KnowledgeGaps gaps) {
        this.jdbc = jdbc;
        this.gaps = gaps;
    }

    /** The contributions of these conversations as their sources stand; a conversation without an outcome row has none. */
    Map<UUID, Contribution> of(Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from conversation_outcome where conversation_id in (:ids)")
            .param("ids", conversationIds).query(ContributionSources::row).list();
        return contributions(rows);
    }

    /** A page of contributions in conversation id order, after {@code after} (null: from the start). */
    List<Contribution> page(UUID after, int limit) {
        List<Row> rows = after == null
                ? jdbc.sql("select " + COLUMNS + " from conversation_outcome order by conversation_id limit ?").param(limit)
                    .query(ContributionSources::row).list()
                : jdbc.sql("select " + COLUMNS + " from conversation_outcome where conversation_id > ? "
                        + "order by conversation_id limit ?").params(after, limit).query(ContributionSources::row).list();
        return new ArrayList<>(contributions(rows).values());
    }

    /** Stores the reasons of an escalation, once each; whether any was new. */
    boolean escalated(UUID conversationId, Collection<String> reasons, java.time.Instant at) {
        Set<String> known = new HashSet<>(jdbc.sql("select reason from dashboard_escalation where conversation_id = ?")
            .param(conversationId).query(String.class).list());
        boolean added = false;
        for (String reason : reasons) {
            if (known.add(reason)) {
                jdbc.sql("insert into dashboard_escalation (conversation_id, reason, at) values (?, ?, ?)")
                    .params(conversationId, reason, java.sql.Timestamp.from(at)).update();
                added = true;
            }
        }
        return added;
    }

    private Map<UUID, Contribution> contributions(List<Row> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = rows.stream().map(Row::conversationId).toList();
        Map<UUID, Set<String>> reasons = new HashMap<>();
        jdbc.sql("select conversation_id, reason from dashboard_escalation where conversation_id in (:ids)")
            .param("ids", ids)
            .query((rs, n) -> reasons.computeIfAbsent(rs.getObject("conversation_id", UUID.class), k -> new HashSet<>())
                .add(rs.getString("reason")))
            .list();
        Map<UUID, Integer> unanswered = gaps.unansweredIn(ids);
        Map<UUID, Contribution> contributions = new java.util.LinkedHashMap<>();
        for (Row row : rows) {
            Set<String> why = reasons.getOrDefault(row.conversationId(), Set.of());
            contributions.put(row.conversationId(), new Contribution(row.conversationId(), row.key(), row.intent(),
                    row.outcome(), row.verified(), row.handedOver() || !why.isEmpty(), row.firstResponseSeconds(),
                    row.reliefSeconds(), row.csat(), unanswered.getOrDefault(row.conversationId(), 0) > 0,
                    row.repeatedFacts() > 0, row.repeatContact(), why));
        }
        return contributions;
    }

    private record Row(UUID conversationId, Contribution.Key key, String intent, Outcome outcome, boolean verified,
            boolean handedOver, Long firstResponseSeconds, Long reliefSeconds, Integer csat, int repeatedFacts,
            boolean repeatContact) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var key = new Contribution.Key(rs.getDate("started_day").toLocalDate(), rs.getObject("team_id", UUID.class),
                rs.getObject("agent_id", UUID.class), rs.getString("channel"), rs.getString("language"));
        return new Row(rs.getObject("conversation_id", UUID.class), key, rs.getString("intent"),
                Outcome.valueOf(rs.getString("outcome")), rs.getBoolean("verified"), rs.getTimestamp("handoff_at") != null,
                nullableLong(rs, "first_response_seconds"), nullableLong(rs, "relief_seconds"),
                (Integer) rs.getObject("csat", Integer.class), rs.getInt("repeated_facts"),
                rs.getObject("repeat_contact_id", UUID.class) != null);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
