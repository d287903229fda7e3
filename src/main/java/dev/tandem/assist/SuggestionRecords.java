package dev.tandem.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every suggestion shown and what became of it ({@code assist_suggestion}); the usage priors that rank
 * future suggestions, the figures per kind for supervisors and the JSONL export come from here.
 */
@Component
class SuggestionRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    SuggestionRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored suggestion with its conversation and outcome. */
    record Shown(UUID id, UUID conversationId, UUID messageId, Suggestion.Kind kind, String source, int position,
            String text, double score, Instant shownAt, Suggestion.Outcome outcome, String finalText,
            Integer editDistance, UUID agentId, Instant outcomeAt) {
    }

    /** Figures of one kind: shown, and how many were used as is, edited, dismissed. */
    record Figures(Suggestion.Kind kind, long shown, long used, long edited, long dismissed, Double meanEditDistance) {

        public double usedShare() {
            return shown == 0 ? 0 : (double) (used + edited) / shown;
        }
    }

    void save(UUID conversationId, UUID messageId, List<Suggestion> suggestions) {
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < suggestions.size(); i++) {
            Suggestion s = suggestions.get(i);
            jdbc.sql("""
                    insert into assist_suggestion (id, conversation_id, message_id, kind, source, position, text, score, shown_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), conversationId, messageId, s.kind().name(), s.source(), i, clip(s.text()), s.score(), now)
                .update();
        }
    }

    Optional<Shown> find(UUID id) {
        return jdbc.sql("select * from assist_suggestion where id = ?").param(id).query(SuggestionRecords::row).optional();
    }

    /** The suggestions stored for a message, in panel order. */
    List<Shown> forMessage(UUID conversationId, UUID messageId) {
        return jdbc.sql("select * from assist_suggestion where conversation_id = ? and message_id = ? order by position")
            .params(conversationId, messageId)
            .query(SuggestionRecords::row)
            .list();
    }

    /** Records (or replaces) the outcome; the last word counts (dismissed, then used after all). */
    void outcome(UUID id, Suggestion.Outcome outcome, String finalText, Integer editDistance, UUID agentId) {
        jdbc.sql("update assist_suggestion set outcome = ?, final_text = ?, edit_distance = ?, agent_id = ?, outcome_at = ? where id = ?")
            .params(outcome.name(), finalText == null ? null : clip(finalText), editDistance, agentId,
                    Timestamp.from(clock.instant()), id)
            .update();
    }

    /**
     * How well suggestions of each source fared: (used + 0.7 edited + 1) / (answered + 2), 0.5 with no
     * feedback yet; keys "KIND" and "KIND:source". Read once per panel; the table is indexed by source.
     */
    Map<String, Double> priors() {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("select kind, source, outcome, count(*) n from assist_suggestion where outcome is not null group by kind, source, outcome")
            .query(rs -> {
                String kind = rs.getString("kind");
                String outcome = rs.getString("outcome");
                long n = rs.getLong("n");
                for (String key : List.of(kind, kind + ":" + rs.getString("source"))) {
                    long[] c = counts.computeIfAbsent(key, k -> new long[3]);
                    c[Suggestion.Outcome.valueOf(outcome).ordinal()] += n;
                }
            });
        Map<String, Double> priors = new HashMap<>();
        counts.forEach((key, c) -> priors.put(key, (c[0] + 0.7 * c[1] + 1) / (c[0] + c[1] + c[2] + 2.0)));
        return priors;
    }

    List<Figures> figures() {
        Map<Suggestion.Kind, Figures> byKind = new LinkedHashMap<>();
        for (Suggestion.Kind kind : Suggestion.Kind.values()) {
            byKind.put(kind, new Figures(kind, 0, 0, 0, 0, null));
        }
        jdbc.sql("""
                select kind, count(*) shown,
                       sum(case when outcome = 'USED' then 1 else 0 end) used,
                       sum(case when outcome = 'EDITED' then 1 else 0 end) edited,
                       sum(case when outcome = 'DISMISSED' then 1 else 0 end) dismissed,
                       avg(case when outcome = 'EDITED' then cast(edit_distance as double precision) end) distance
                from assist_suggestion group by kind""")
            .query(rs -> {
                Suggestion.Kind kind = Suggestion.Kind.valueOf(rs.getString("kind"));
                double distance = rs.getDouble("distance");
                byKind.put(kind, new Figures(kind, rs.getLong("shown"), rs.getLong("used"), rs.getLong("edited"),
                        rs.getLong("dismissed"), rs.wasNull() ? null : distance));
            });
        return List.copyOf(byKind.values());
    }

    /** Every suggestion, oldest first, streamed (the export may be long). */
    void each(Consumer<Shown> consumer) {
        // the stream holds its connection until it is closed
        try (var rows = jdbc.sql("select * from assist_suggestion order by shown_at, position").query(SuggestionRecords::row)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    private static String clip(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    private static Shown row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String outcome = rs.getString("outcome");
        int distance = rs.getInt("edit_distance");
        Integer editDistance = rs.wasNull() ? null : distance;
        Timestamp outcomeAt = rs.getTimestamp("outcome_at");
        return new Shown(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getObject("message_id", UUID.class), Suggestion.Kind.valueOf(rs.getString("kind")),
                rs.getString("source"), rs.getInt("position"), rs.getString("text"), rs.getDouble("score"),
                rs.getTimestamp("shown_at").toInstant(), outcome == null ? null : Suggestion.Outcome.valueOf(outcome),
                rs.getString("final_text"), editDistance, rs.getObject("agent_id", UUID.class),
                outcomeAt == null ? null : outcomeAt.toInstant());
    }
}
