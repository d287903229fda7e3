package dev.tandem.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outcome rows: one per conversation, rewritten whenever it is judged again. */
@Repository
class ConversationOutcomes {

    private final JdbcClient jdbc;

    ConversationOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Outcome> outcomeOf(UUID conversationId) {
        return jdbc.sql("select outcome from conversation_outcome where conversation_id = ?").param(conversationId)
            .query(String.class).optional().map(Outcome::valueOf);
    }

    Optional<Map<String, Object>> row(UUID conversationId) {
        return jdbc.sql("select * from conversation_outcome where conversation_id = ?").param(conversationId)
            .query().listOfRows().stream().findFirst();
    }

    /**
     * Conversations that ended by {@code endedBefore}, with the assistant alone and a confirmation, that the ledger
     * has not judged since their row last changed.
     */
    List<UUID> candidates(Instant endedBefore, int limit) {
        return jdbc.sql("""
                select conversation_id from conversation_outcome
                where ledger_checked = false and ended_at <= ? and outcome = 'AI_RESOLVED' and confirmed_at is not null
                order by ended_at limit ?""")
            .params(Timestamp.from(endedBefore), limit).query(UUID.class).list();
    }

    void markChecked(UUID conversationId) {
        jdbc.sql("update conversation_outcome set ledger_checked = true where conversation_id = ?").param(conversationId)
            .update();
    }

    void markVerified(UUID conversationId, boolean verified) {
        jdbc.sql("update conversation_outcome set verified = ? where conversation_id = ?").params(verified, conversationId)
            .update();
    }

    /** Writes the row, to be judged by the ledger again; the verified flag (the ledger's business) is kept. */
    void save(OutcomeFacts facts, OutcomeRules.Judged judged, Instant now) {
        Object[] values = { facts.customerId(), facts.teamId(), facts.agentId(), facts.channel(), facts.language(),
                facts.intent(), ts(facts.startedAt()), LocalDate.ofInstant(facts.startedAt(), ZoneOffset.UTC),
                judged.outcome().name(), judged.aiOnly(), ts(facts.handoffAt()), judged.firstResponseSeconds(),
                judged.confirmation() == null ? null : ts(judged.confirmation().at()),
                judged.confirmation() == null ? null : judged.confirmation().kind(),
                judged.confirmation() == null ? null : judged.confirmation().ref(), judged.reliefSeconds(),
                ts(judged.endedAt()), judged.reopens(), facts.repeatedFacts(), judged.repeatContactId(), facts.csat(),
                ts(now) };
        String set = """
                customer_id = ?, team_id = ?, agent_id = ?, channel = ?, language = ?, intent = ?, started_at = ?,
                started_day = ?, outcome = ?, ai_only = ?, handoff_at = ?, first_response_seconds = ?, confirmed_at = ?,
                confirmation = ?, confirmation_ref = ?, relief_seconds = ?, ended_at = ?, reopens = ?, repeated_facts = ?,
                repeat_contact_id = ?, csat = ?, updated_at = ?, ledger_checked = false""";
        Object[] withId = append(values, facts.conversationId());
        if (jdbc.sql("update conversation_outcome set " + set + " where conversation_id = ?").params(withId).update() > 0) {
            return;
        }
        try {
            jdbc.sql("""
                    insert into conversation_outcome (customer_id, team_id, agent_id, channel, language, intent, started_at,
                        started_day, outcome, ai_only, handoff_at, first_response_seconds, confirmed_at, confirmation,
                        confirmation_ref, relief_seconds, ended_at, reopens, repeated_facts, repeat_contact_id, csat,
                        updated_at, ledger_checked, conversation_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""")
                .params(withId).update();
        } catch (DuplicateKeyException simultaneous) {
            jdbc.sql("update conversation_outcome set " + set + " where conversation_id = ?").params(withId).update();
        }
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
