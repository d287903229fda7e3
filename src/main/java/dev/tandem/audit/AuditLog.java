package dev.tandem.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * The append-only record of security-relevant decisions. There is deliberately no way to change
 * or remove an entry: this class only appends and reads, and on PostgreSQL a trigger refuses
 * updates and deletes too.
 */
@Service
public class AuditLog {

    /** Time-ordered UUIDv7: primary-key indexes grow at their end, ids sort by creation time. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    public static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Query(String actor, String action, int limit, int offset) {
    }

    @Transactional
    public void append(Instant at, String actor, String action, String targetType, String targetId, String detail,
            String remoteIp) {
        jdbc.sql("""
                insert into audit_entry (id, occurred_at, actor, action, target_type, target_id, detail, remote_ip)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(IDS.generate(), Timestamp.from(at), truncate(actor, 100), action, targetType, targetId,
                    truncate(detail, 2000), truncate(remoteIp, 64))
            .update();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> find(Query query) {
        var filter = Filter.of(query);
        int limit = Math.max(1, Math.min(query.limit(), MAX_LIMIT));
        int offset = Math.max(0, query.offset());
        String sql = "select * from audit_entry" + filter.where()
                + " order by occurred_at desc, id desc limit " + limit + " offset " + offset;
        return jdbc.sql(sql).params(filter.params()).query((rs, n) -> new AuditEntry(rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail"),
                rs.getString("remote_ip"))).list();
    }

    /** How many entries match the query's actor and action, whatever its limit and offset. */
    @Transactional(readOnly = true)
    public long count(Query query) {
        var filter = Filter.of(query);
        return jdbc.sql("select count(*) from audit_entry" + filter.where()).params(filter.params()).query(Long.class)
            .single();
    }

    private record Filter(String where, List<Object> params) {

        static Filter of(Query query) {
            var where = new ArrayList<String>();
            var params = new ArrayList<Object>();
            if (query.actor() != null && !query.actor().isBlank()) {
                where.add("lower(actor) = lower(?)");
                params.add(query.actor().trim());
            }
            if (query.action() != null && !query.action().isBlank()) {
                where.add("action = ?");
                params.add(query.action().trim());
            }
            return new Filter(where.isEmpty() ? "" : " where " + String.join(" and ", where), params);
        }
    }

    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_entry order by action").query(String.class).list();
    }

    private static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        // never cut between the two halves of a surrogate pair (emoji): a lone half is not text
        return value.substring(0, Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max);
    }
}
