package dev.tandem.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stored scores and their verdicts (V80). */
@Component
class ScoreStore {

    /** A conversation's score as stored. */
    record Score(UUID conversationId, UUID agentId, UUID teamId, int rubricVersion, String judge, Double score,
            String language, Instant resolvedAt, Instant scoredAt, List<StoredVerdict> verdicts) {

        Optional<StoredVerdict> verdict(String item) {
            return verdicts.stream().filter(v -> v.item().equals(item)).findFirst();
        }
    }

    /** A verdict with what the judge said before a supervisor corrected it, if one did. */
    record StoredVerdict(String item, Boolean value, Boolean automatic, String messageId, String quote, double confidence,
            String basis, String correctedBy) {
    }

    private final JdbcClient jdbc;

    ScoreStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the conversation's score (a conversation resolved again is scored again). */
    @Transactional
    void save(UUID conversationId, UUID agentId, UUID teamId, int rubricVersion, String judge, Double score, String language,
            Instant resolvedAt, Instant scoredAt, List<Verdict> verdicts) {
        jdbc.sql("delete from quality_verdict where conversation_id = ?").param(conversationId).update();
        jdbc.sql("delete from quality_score where conversation_id = ?").param(conversationId).update();
        jdbc.sql("""
                insert into quality_score (conversation_id, agent_id, team_id, rubric_version, judge, score, language,
                    resolved_at, scored_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(conversationId, agentId, teamId, rubricVersion, judge, score, language, Timestamp.from(resolvedAt),
                    Timestamp.from(scoredAt))
            .update();
        for (Verdict v : verdicts) {
            jdbc.sql("""
                    insert into quality_verdict (conversation_id, item, verdict, automatic, message_id, quote, confidence, basis)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(conversationId, v.item(), v.value(), v.value(), v.messageId(), cut(v.quote(), 1000), v.confidence(),
                        cut(v.basis(), 300))
                .update();
        }
    }

    Optional<Score> find(UUID conversationId) {
        return jdbc.sql("select * from quality_score where conversation_id = ?").param(conversationId)
            .query((rs, n) -> score(rs)).optional()
            .map(score -> withVerdicts(score, verdicts(List.of(conversationId)).getOrDefault(conversationId, List.of())));
    }

    /** The agent's scores resolved since {@code since}, newest first. */
    List<Score> ofAgent(UUID agentId, Instant since) {
        List<Score> scores = jdbc.sql("select * from quality_score where agent_id = ? and resolved_at >= ? order by resolved_at desc")
            .params(agentId, Timestamp.from(since)).query((rs, n) -> score(rs)).list();
        return withVerdicts(scores);
    }

    /** Every agent's scores resolved since {@code since} (for the team's aggregates), at most {@code limit}. */
    List<Score> since(Instant since, int limit) {
        List<Score> scores = jdbc.sql("select * from quality_score where resolved_at >= ? and agent_id is not null order by resolved_at desc limit ?")
            .params(Timestamp.from(since), limit).query((rs, n) -> score(rs)).list();
        return withVerdicts(scores);
    }

    void correct(UUID conversationId, String item, Boolean value, String by) {
        jdbc.sql("update quality_verdict set verdict = ?, corrected_by = ? where conversation_id = ? and item = ?")
            .params(value, by, conversationId, item).update();
    }

    private List<Score> withVerdicts(List<Score> scores) {
        if (scores.isEmpty()) {
            return scores;
        }
        Map<UUID, List<StoredVerdict>> verdicts = verdicts(scores.stream().map(Score::conversationId).toList());
        return scores.stream().map(s -> withVerdicts(s, verdicts.getOrDefault(s.conversationId(), List.of()))).toList();
    }

    private static Score withVerdicts(Score s, List<StoredVerdict> verdicts) {
        return new Score(s.conversationId(), s.agentId(), s.teamId(), s.rubricVersion(), s.judge(), s.score(), s.language(),
                s.resolvedAt(), s.scoredAt(), verdicts);
    }

    private Map<UUID, List<StoredVerdict>> verdicts(List<UUID> conversations) {
        Map<UUID, List<StoredVerdict>> byConversation = new LinkedHashMap<>();
        for (int from = 0; from < conversations.size(); from += 500) {
            List<UUID> chunk = conversations.subList(from, Math.min(conversations.size(), from + 500));
            jdbc.sql("select * from quality_verdict where conversation_id in (:ids) order by item")
                .param("ids", chunk)
                .query((ResultSet rs) -> {
                    byConversation.computeIfAbsent(rs.getObject("conversation_id", UUID.class), k -> new ArrayList<>())
                        .add(new StoredVerdict(rs.getString("item"), bool(rs, "verdict"), bool(rs, "automatic"),
                                rs.getString("message_id"), rs.getString("quote"), rs.getDouble("confidence"),
                                rs.getString("basis"), rs.getString("corrected_by")));
                });
        }
        return byConversation;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Score score(ResultSet rs) throws SQLException {
        double score = rs.getDouble("score");
        return new Score(rs.getObject("conversation_id", UUID.class), rs.getObject("agent_id", UUID.class),
                rs.getObject("team_id", UUID.class), rs.getInt("rubric_version"), rs.getString("judge"),
                rs.wasNull() ? null : score, rs.getString("language"), rs.getTimestamp("resolved_at").toInstant(),
                rs.getTimestamp("scored_at").toInstant(), List.of());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
