package dev.tandem.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Why each conversation waits where it waits; the latest row per conversation holds its agent requirements. */
@Repository
class RoutingDecisions {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    record Decision(UUID conversationId, String rule, UUID fromTeamId, UUID toTeamId, String language, String intent,
            String agentLanguage, String agentSkill, String why, Instant at) {

        LeastLoaded.Requirements requirements() {
            return new LeastLoaded.Requirements(toTeamId, agentLanguage != null ? agentLanguage : language, agentSkill);
        }
    }

    private final JdbcClient jdbc;

    RoutingDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Decision d) {
        jdbc.sql("""
                insert into routing_decision (id, conversation_id, rule, from_team_id, to_team_id, language, intent,
                                              agent_language, agent_skill, why, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(IDS.generate(), d.conversationId(), d.rule(), d.fromTeamId(), d.toTeamId(), d.language(),
                    cut(d.intent(), 100), d.agentLanguage(), cut(d.agentSkill(), 100), cut(d.why(), 1000),
                    Timestamp.from(d.at()))
            .update();
    }

    Optional<Decision> latest(UUID conversationId) {
        return jdbc.sql("select * from routing_decision where conversation_id = ? order by created_at desc, id desc")
            .param(conversationId)
            .query((rs, n) -> new Decision(rs.getObject("conversation_id", UUID.class), rs.getString("rule"),
                    rs.getObject("from_team_id", UUID.class), rs.getObject("to_team_id", UUID.class),
                    rs.getString("language"), rs.getString("intent"), rs.getString("agent_language"),
                    rs.getString("agent_skill"), rs.getString("why"), rs.getTimestamp("created_at").toInstant()))
            .list().stream().findFirst();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
