package dev.tandem.insight.dashboard;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.insight.Outcome;

/**
 * The rollup tables and the contributions they are the sum of. Moving a conversation's contribution adds the
 * difference to the rows of its old and new key; a row is inserted the first time a key is met (inside a savepoint,
 * so that another node inserting it at the same moment costs a retry of the update, not the transaction).
 */
@Repository
class Rollups {

    private static final String KEY = "started_day, team_id, agent_id, channel, language";
    private static final String CONTRIBUTION_COLUMNS = "started_day, team_id, agent_id, channel, language, topic, outcome, "
            + "verified, escalated, first_response_seconds, relief_seconds, csat, gap, repeated_facts, repeat_contact, "
            + "reasons, updated_at, conversation_id";
    private static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    private static final String KEY_MATCH = "started_day = ? and team_id = ? and agent_id = ? and channel = ? and language = ?";

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    Rollups(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The stored contribution, its row locked until the transaction ends. */
    Optional<Contribution> lock(UUID conversationId) {
        return jdbc.sql("select * from dashboard_contribution where conversation_id = ? for update").param(conversationId)
            .query(Rollups::contribution).optional();
    }

    /**
     * Replaces a conversation's contribution: the rollups move from {@code before} to {@code after} (either may be
     * absent). Nothing moves when they are equal.
     */
    void replace(Optional<Contribution> before, Optional<Contribution> after, Instant now) {
        if (before.equals(after)) {
            return;
        }
        Map<Contribution.Key, long[]> days = new HashMap<>();
        Map<List<Object>, Long> reasons = new HashMap<>();
        Map<List<Object>, Long> gaps = new HashMap<>();
        before.ifPresent(c -> add(c, -1, days, reasons, gaps));
        after.ifPresent(c -> add(c, 1, days, reasons, gaps));
        days.forEach(this::addToDay);
        reasons.forEach((key, delta) -> addToDetail("dashboard_reason_day", "reason", key, delta));
        gaps.forEach((key, delta) -> addToDetail("dashboard_gap_day", "topic", key, delta));
        UUID id = before.or(() -> after).orElseThrow().conversationId();
        if (after.isEmpty()) {
            jdbc.sql("delete from dashboard_contribution where conversation_id = ?").param(id).update();
        } else if (before.isEmpty()) {
            insert(after.get(), now);
        } else {
            Contribution c = after.get();
            jdbc.sql("""
                    update dashboard_contribution set started_day = ?, team_id = ?, agent_id = ?, channel = ?, language = ?,
                        topic = ?, outcome = ?, verified = ?, escalated = ?, first_response_seconds = ?, relief_seconds = ?,
                        csat = ?, gap = ?, repeated_facts = ?, repeat_contact = ?, reasons = ?, updated_at = ?
                    where conversation_id = ?""")
                .params(values(c, now)).update();
        }
    }

    private void insert(Contribution c, Instant now) {
        jdbc.sql("insert into dashboard_contribution (" + CONTRIBUTION_COLUMNS + ") values (" + PLACEHOLDERS + ")")
            .params(values(c, now)).update();
    }

    /** Appends contributions in one batch, without moving the rollups (the rebuild sums them afterwards). */
    void insertAll(List<Contribution> contributions, Instant now) {
        if (contributions.isEmpty()) {
            return;
        }
        jdbc.sql("insert into dashboard_contribution (" + CONTRIBUTION_COLUMNS + ") values "
                + String.join(", ", java.util.Collections.nCopies(contributions.size(),
                        "(" + PLACEHOLDERS + ")")))
            .params(contributions.stream().flatMap(c -> java.util.Arrays.stream(values(c, now))).toList()).update();
    }

    /** Empties the rollups and the contributions (the rebuild's first step, inside its transaction). */
    void clear() {
        for (String table : List.of("dashboard_day", "dashboard_reason_day", "dashboard_gap_day", "dashboard_contribution")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    /** Sets every rollup row to the sum of the contributions: three grouped inserts. */
    int sumContributions() {
        StringBuilder sums = new StringBuilder();
        for (String measure : Contribution.MEASURES) {
            sums.append(", sum(").append(expression(measure)).append(")");
        }
        int rows = jdbc.sql("insert into dashboard_day (" + KEY + ", " + String.join(", ", Contribution.MEASURES)
                + ") select " + KEY + sums + " from dashboard_contribution group by " + KEY).update();
        // reasons are few and fixed: one grouped insert per reason keeps the SQL the same on every database
        for (String reason : jdbc.sql("select distinct reason from dashboard_escalation").query(String.class).list()) {
            jdbc.sql("insert into dashboard_reason_day (" + KEY + ", reason, conversations) select " + KEY
                    + ", ?, count(*) from dashboard_contribution where reasons = ? or reasons like ? or reasons like ? "
                    + "or reasons like ? group by " + KEY)
                .params(reason, reason, reason + ",%", "%," + reason, "%," + reason + ",%").update();
        }
        jdbc.sql("insert into dashboard_gap_day (" + KEY + ", topic, conversations) select " + KEY
                + ", topic, count(*) from dashboard_contribution where gap = true group by " + KEY + ", topic").update();
        return rows;
    }

    /** The measure's value for one contribution row, in SQL, for {@link #sumContributions()}. */
    private static String expression(String measure) {
        String b = Contribution.RELIEF_BUCKETS[0] + "";
        return switch (measure) {
            case "conversations" -> "1";
            case "still_open" -> "case when outcome = '" + Outcome.OPEN + "' then 1 else 0 end";
            case "reopened" -> "case when outcome = '" + Outcome.REOPENED + "' then 1 else 0 end";
            case "ai_resolved" -> "case when outcome = '" + Outcome.AI_RESOLVED + "' then 1 else 0 end";
            case "human_resolved" -> "case when outcome = '" + Outcome.HUMAN_RESOLVED + "' then 1 else 0 end";
            case "abandoned" -> "case when outcome = '" + Outcome.ABANDONED + "' then 1 else 0 end";
            case "verified" -> "case when verified then 1 else 0 end";
            case "escalated" -> "case when escalated then 1 else 0 end";
            case "first_response_n" -> "case when first_response_seconds is null then 0 else 1 end";
            case "first_response_sum" -> "coalesce(first_response_seconds, 0)";
            case "relief_n" -> "case when relief_seconds is null then 0 else 1 end";
            case "relief_sum" -> "coalesce(relief_seconds, 0)";
            case "relief_1m" -> "case when relief_seconds <= " + b + " then 1 else 0 end";
            case "relief_5m" -> bucket(0, 1);
            case "relief_1h" -> bucket(1, 2);
            case "relief_1d" -> bucket(2, 3);
            case "relief_more" -> "case when relief_seconds > " + Contribution.RELIEF_BUCKETS[3] + " then 1 else 0 end";
            case "csat_n" -> "case when csat between 1 and 5 then 1 else 0 end";
            case "csat_sum" -> "case when csat between 1 and 5 then csat else 0 end";
            case "csat_1", "csat_2", "csat_3", "csat_4", "csat_5" ->
                "case when csat = " + measure.substring(5) + " then 1 else 0 end";
            case "gaps" -> "case when gap then 1 else 0 end";
            case "repeated_facts" -> "case when repeated_facts then 1 else 0 end";
            case "repeat_contacts" -> "case when repeat_contact then 1 else 0 end";
            default -> throw new IllegalArgumentException(measure);
        };
    }

    private static String bucket(int above, int atMost) {
        return "case when relief_seconds > " + Contribution.RELIEF_BUCKETS[above] + " and relief_seconds <= "
                + Contribution.RELIEF_BUCKETS[atMost] + " then 1 else 0 end";
    }

    private static void add(Contribution c, int sign, Map<Contribution.Key, long[]> days,
            Map<List<Object>, Long> reasons, Map<List<Object>, Long> gaps) {
        long[] sum = days.computeIfAbsent(c.key(), k -> new long[Contribution.MEASURES.size()]);
        long[] measures = c.measures();
        for (int i = 0; i < measures.length; i++) {
            sum[i] += sign * measures[i];
        }
        for (String reason : c.reasons()) {
            reasons.merge(detailKey(c.key(), reason), (long) sign, Long::sum);
        }
        if (c.gap()) {
            gaps.merge(detailKey(c.key(), c.topic()), (long) sign, Long::sum);
        }
    }

    private static List<Object> detailKey(Contribution.Key key, String detail) {
        return List.of(Date.valueOf(key.day()), key.teamId(), key.agentId(), key.channel(), key.language(), detail);
    }

    private void addToDay(Contribution.Key key, long[] deltas) {
        StringBuilder set = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < deltas.length; i++) {
            if (deltas[i] != 0) {
                set.append(set.isEmpty() ? "" : ", ").append(Contribution.MEASURES.get(i)).append(" = ")
                    .append(Contribution.MEASURES.get(i)).append(" + ?");
                params.add(deltas[i]);
            }
        }
        if (params.isEmpty()) {
            return;
        }
        List<Object> keyValues = List.of(Date.valueOf(key.day()), key.teamId(), key.agentId(), key.channel(),
                key.language());
        params.addAll(keyValues);
        String update = "update dashboard_day set " + set + " where " + KEY_MATCH;
        if (jdbc.sql(update).params(params).update() == 0) {
            ensure("insert into dashboard_day (" + KEY + ") values (?, ?, ?, ?, ?)", keyValues);
            jdbc.sql(update).params(params).update();
        }
    }

    private void addToDetail(String table, String column, List<Object> key, long delta) {
        if (delta == 0) {
            return;
        }
        List<Object> params = new ArrayList<>();
        params.add(delta);
        params.addAll(key);
        String update = "update " + table + " set conversations = conversations + ? where " + KEY_MATCH + " and "
                + column + " = ?";
        if (jdbc.sql(update).params(params).update() == 0) {
            ensure("insert into " + table + " (" + KEY + ", " + column + ") values (?, ?, ?, ?, ?, ?)", key);
            jdbc.sql(update).params(params).update();
        }
    }

    /** Inserts an empty row unless another transaction just did. */
    private void ensure(String insert, List<Object> key) {
        try {
            savepoint.executeWithoutResult(tx -> jdbc.sql(insert).params(key).update());
        } catch (DuplicateKeyException inserted) {
            // another node met the key first: its row is there now
        }
    }

    private static Object[] values(Contribution c, Instant now) {
        return new Object[] { Date.valueOf(c.key().day()), c.key().teamId(), c.key().agentId(), c.key().channel(),
                c.key().language(), c.topic(), c.outcome().name(), c.verified(), c.escalated(), c.firstResponseSeconds(),
                c.reliefSeconds(), c.csat(), c.gap(), c.repeatedFacts(), c.repeatContact(), c.reasonList(),
                Timestamp.from(now), c.conversationId() };
    }

    private static Contribution contribution(ResultSet rs, int n) throws SQLException {
        long first = rs.getLong("first_response_seconds");
        Long firstResponse = rs.wasNull() ? null : first;
        long relief = rs.getLong("relief_seconds");
        Long reliefSeconds = rs.wasNull() ? null : relief;
        return new Contribution(rs.getObject("conversation_id", UUID.class),
                new Contribution.Key(rs.getDate("started_day").toLocalDate(), rs.getObject("team_id", UUID.class),
                        rs.getObject("agent_id", UUID.class), rs.getString("channel"), rs.getString("language")),
                rs.getString("topic"), Outcome.valueOf(rs.getString("outcome")), rs.getBoolean("verified"),
                rs.getBoolean("escalated"), firstResponse, reliefSeconds, rs.getObject("csat", Integer.class),
                rs.getBoolean("gap"), rs.getBoolean("repeated_facts"), rs.getBoolean("repeat_contact"),
                Contribution.reasons(rs.getString("reasons")));
    }
}
