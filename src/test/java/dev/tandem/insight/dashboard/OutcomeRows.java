package dev.tandem.insight.dashboard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tandem.insight.Outcome;

/**
 * Test data for the dashboards: outcome rows written as the outcome module would write them, one builder per row,
 * so that a test knows exactly what its team's figures must be.
 */
public final class OutcomeRows {

    private final JdbcClient jdbc;

    public OutcomeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Row row(UUID team, LocalDate day) {
        return new Row(UUID.randomUUID(), team, null, day, "widget", "en", null, Outcome.AI_RESOLVED, false, false, null,
                null, null, 0, false);
    }

    public record Row(UUID id, UUID team, UUID agent, LocalDate day, String channel, String language, String intent,
            Outcome outcome, boolean verified, boolean handedOver, Long firstResponse, Long relief, Integer csat,
            int repeatedFacts, boolean repeatContact) {

        public Row agent(UUID a) {
            return new Row(id, team, a, day, channel, language, intent, outcome, verified, handedOver, firstResponse, relief,
                    csat, repeatedFacts, repeatContact);
        }

        public Row team(UUID t) {
            return new Row(id, t, agent, day, channel, language, intent, outcome, verified, handedOver, firstResponse,
                    relief, csat, repeatedFacts, repeatContact);
        }

        public Row in(String c, String l) {
            return new Row(id, team, agent, day, c, l, intent, outcome, verified, handedOver, firstResponse, relief, csat,
                    repeatedFacts, repeatContact);
        }

        public Row about(String i) {
            return new Row(id, team, agent, day, channel, language, i, outcome, verified, handedOver, firstResponse, relief,
                    csat, repeatedFacts, repeatContact);
        }

        public Row ended(Outcome o, boolean v) {
            return new Row(id, team, agent, day, channel, language, intent, o, v, handedOver, firstResponse, relief, csat,
                    repeatedFacts, repeatContact);
        }

        public Row handed() {
            return new Row(id, team, agent, day, channel, language, intent, outcome, verified, true, firstResponse, relief,
                    csat, repeatedFacts, repeatContact);
        }

        public Row timed(Long first, Long toRelief) {
            return new Row(id, team, agent, day, channel, language, intent, outcome, verified, handedOver, first, toRelief,
                    csat, repeatedFacts, repeatContact);
        }

        public Row rated(Integer rating) {
            return new Row(id, team, agent, day, channel, language, intent, outcome, verified, handedOver, firstResponse,
                    relief, rating, repeatedFacts, repeatContact);
        }

        public Row repeated(int facts, boolean contact) {
            return new Row(id, team, agent, day, channel, language, intent, outcome, verified, handedOver, firstResponse,
                    relief, csat, facts, contact);
        }
    }

    /** Writes the row (insert or replace). */
    public Row save(Row r) {
        jdbc.sql("delete from conversation_outcome where conversation_id = ?").param(r.id()).update();
        Instant started = r.day().atTime(10, 0).toInstant(ZoneOffset.UTC);
        jdbc.sql("""
                insert into conversation_outcome (conversation_id, team_id, agent_id, channel, language, intent, started_at,
                    started_day, outcome, ai_only, handoff_at, first_response_seconds, relief_seconds, reopens,
                    repeated_facts, repeat_contact_id, csat, verified, ledger_checked, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, true, ?)""")
            .params(r.id(), r.team(), r.agent(), r.channel(), r.language(), r.intent(), Timestamp.from(started),
                    Date.valueOf(r.day()), r.outcome().name(), !r.handedOver(),
                    r.handedOver() ? Timestamp.from(started.plusSeconds(30)) : null, r.firstResponse(), r.relief(),
                    r.repeatedFacts(), r.repeatContact() ? UUID.randomUUID() : null, r.csat(), r.verified(),
                    Timestamp.from(Instant.now()))
            .update();
        return r;
    }

    /** An "I don't know" of the assistant in the conversation: a knowledge gap. */
    public void unanswered(UUID conversationId) {
        jdbc.sql("""
                insert into ai_answer (id, conversation_id, kind, language, question, confidence, created_at)
                values (?, ?, 'DONT_KNOW', 'en', 'Do you ship to Mars?', 0, ?)""")
            .params(UUID.randomUUID(), conversationId, Timestamp.from(Instant.now())).update();
    }
}
