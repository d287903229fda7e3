package dev.tandem.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resolution ledger's storage: rows are inserted, never updated or deleted (no method here does either). A
 * conversation has at most one entry and one reversal (a unique index), so a job run twice writes nothing twice.
 */
@Repository
class ResolutionLedger {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    /** A listing's longest page. */
    static final int MAX_PAGE = 10_000;

    private final JdbcClient jdbc;

    ResolutionLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends a line; empty when the conversation already has a line of this kind.
     */
    Optional<LedgerEntry> append(LedgerEntry.Kind kind, UUID conversationId, UUID reverses, int definitionVersion,
            Instant windowStart, Instant windowEnd, UUID teamId, String channel, String language,
            Map<String, Object> evidence, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 0; attempt < 5; attempt++) {
            long sequence = jdbc.sql("select coalesce(max(sequence_no), 0) from resolution_ledger").query(Long.class)
                .single() + 1;
            var entry = new LedgerEntry(IDS.generate(), sequence, kind, conversationId, reverses, MONTH.format(now),
                    definitionVersion, windowStart.truncatedTo(ChronoUnit.MICROS), windowEnd.truncatedTo(ChronoUnit.MICROS),
                    teamId, channel, language, evidence, now);
            try {
                jdbc.sql("""
                        insert into resolution_ledger (id, sequence_no, kind, conversation_id, reverses_id, ledger_month,
                            definition_version, window_start, window_end, team_id, channel, language, evidence, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(entry.id(), sequence, kind.name(), conversationId, reverses, entry.month(),
                            definitionVersion, Timestamp.from(entry.windowStart()), Timestamp.from(entry.windowEnd()),
                            teamId, channel, language, JSON.writeValueAsString(evidence), Timestamp.from(now))
                    .update();
                return Optional.of(entry);
            } catch (DuplicateKeyException taken) {
                if (has(conversationId, kind)) {
                    return Optional.empty();
                }
                // another writer took the sequence number: take the next
            }
        }
        throw new IllegalStateException("Could not append to the resolution ledger: sequence numbers kept colliding");
    }

    boolean has(UUID conversationId, LedgerEntry.Kind kind) {
        return jdbc.sql("select count(*) from resolution_ledger where conversation_id = ? and kind = ?")
            .params(conversationId, kind.name()).query(Long.class).single() > 0;
    }

    Optional<LedgerEntry> find(UUID id) {
        return jdbc.sql("select * from resolution_ledger where id = ?").param(id).query(ResolutionLedger::read).optional();
    }

    List<LedgerEntry> ofConversation(UUID conversationId) {
        return jdbc.sql("select * from resolution_ledger where conversation_id = ? order by sequence_no")
            .param(conversationId).query(ResolutionLedger::read).list();
    }

    /**
     * Entries written since {@code since}, not reversed yet, whose conversation has evidence of one of {@code kinds}
     * (ratings only at or below {@code ratingAtMost}) dated inside their window: those a reversal may be due for.
     * One query over the standing entries and the evidence's unique index, whatever the size of the ledger.
     */
    List<LedgerEntry> possiblyDisproved(Instant since, List<String> kinds, int ratingAtMost, long afterSequence,
            int limit) {
        return jdbc.sql("""
                select * from resolution_ledger l where l.kind = 'ENTRY' and l.recorded_at >= :since
                  and l.sequence_no > :after
                  and not exists (select 1 from resolution_ledger r where r.kind = 'REVERSAL' and r.reverses_id = l.id)
                  and exists (select 1 from outcome_evidence e where e.conversation_id = l.conversation_id
                              and e.at <= l.window_end
                              and (e.kind in (:kinds) or (e.kind = 'RATED' and e.ref <= :rating)))
                order by l.sequence_no limit :limit""")
            .param("since", Timestamp.from(since)).param("after", afterSequence).param("kinds", kinds)
            .param("rating", String.valueOf(ratingAtMost)).param("limit", limit)
            .query(ResolutionLedger::read).list();
    }

    /** Lines in ledger order, optionally of one month; {@code afterSequence} pages. */
    List<LedgerEntry> list(String month, long afterSequence, int limit) {
        String where = month == null ? "" : " and ledger_month = ?";
        List<Object> params = new ArrayList<>();
        params.add(afterSequence);
        if (month != null) {
            params.add(month);
        }
        params.add(Math.max(1, Math.min(limit, MAX_PAGE)));
        return jdbc.sql("select * from resolution_ledger where sequence_no > ?" + where + " order by sequence_no limit ?")
            .params(params).query(ResolutionLedger::read).list();
    }

    /** The newest lines, newest first, optionally of one month. */
    List<LedgerEntry> latest(String month, int limit) {
        return month == null
                ? jdbc.sql("select * from resolution_ledger order by sequence_no desc limit ?").param(limit)
                    .query(ResolutionLedger::read).list()
                : jdbc.sql("select * from resolution_ledger where ledger_month = ? order by sequence_no desc limit ?")
                    .params(month, limit).query(ResolutionLedger::read).list();
    }

    /** The reversal of an entry, if any. */
    Optional<LedgerEntry> reversalOf(UUID entryId) {
        return jdbc.sql("select * from resolution_ledger where kind = 'REVERSAL' and reverses_id = ?").param(entryId)
            .query(ResolutionLedger::read).optional();
    }

    /** Totals per month, newest month first. */
    List<LedgerEntry.MonthTotal> totals() {
        Map<String, long[]> byMonth = new TreeMap<>(java.util.Comparator.reverseOrder());
        jdbc.sql("select ledger_month, kind, count(*) as n from resolution_ledger group by ledger_month, kind")
            .query((rs, n) -> {
                long[] counts = byMonth.computeIfAbsent(rs.getString("ledger_month"), m -> new long[2]);
                counts[LedgerEntry.Kind.valueOf(rs.getString("kind")).ordinal()] += rs.getLong("n");
                return null;
            }).list();
        List<LedgerEntry.MonthTotal> totals = new ArrayList<>();
        byMonth.forEach((month, c) -> totals.add(new LedgerEntry.MonthTotal(month, c[0], c[1], c[0] - c[1])));
        return totals;
    }

    static LedgerEntry read(ResultSet rs, int row) throws SQLException {
        Map<String, Object> evidence = new LinkedHashMap<>(JSON.readValue(rs.getString("evidence"), MAP));
        return new LedgerEntry(rs.getObject("id", UUID.class), rs.getLong("sequence_no"),
                LedgerEntry.Kind.valueOf(rs.getString("kind")), rs.getObject("conversation_id", UUID.class),
                rs.getObject("reverses_id", UUID.class), rs.getString("ledger_month"), rs.getInt("definition_version"),
                rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant(),
                rs.getObject("team_id", UUID.class), rs.getString("channel"), rs.getString("language"), evidence,
                rs.getTimestamp("recorded_at").toInstant());
    }
}
