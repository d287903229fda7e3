package dev.tandem.guardrails;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** The stored findings of the input guardrails (table {@code guardrail_finding}). */
@Repository
class GuardrailFindings {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    record Stored(UUID messageId, Check check, List<String> rules, double score, Set<GuardrailAction> actions,
            Instant foundAt) {
    }

    private final JdbcClient jdbc;

    GuardrailFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a finding once per message and check: a redelivered event adds nothing. Whether it was new. */
    boolean insert(UUID conversationId, UUID messageId, Finding finding, Instant at) {
        return jdbc.sql("""
                insert into guardrail_finding (id, conversation_id, message_id, check_name, rules, score, actions, found_at)
                select ?, ?, ?, ?, ?, ?, ?, ? where not exists
                    (select 1 from guardrail_finding where message_id = ? and check_name = ?)""")
            .params(IDS.generate(), conversationId, messageId, finding.check().name(),
                    truncate(String.join(",", finding.rules()), 500), finding.score(),
                    finding.actions().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                    Timestamp.from(at), messageId, finding.check().name())
            .update() == 1;
    }

    List<Stored> ofConversation(UUID conversationId) {
        return jdbc.sql("select * from guardrail_finding where conversation_id = ? order by found_at")
            .param(conversationId)
            .query((rs, n) -> new Stored(rs.getObject("message_id", UUID.class), Check.valueOf(rs.getString("check_name")),
                    rs.getString("rules") == null || rs.getString("rules").isEmpty() ? List.of()
                            : List.of(rs.getString("rules").split(",")),
                    rs.getDouble("score"), actions(rs.getString("actions")), rs.getTimestamp("found_at").toInstant()))
            .list();
    }

    private static Set<GuardrailAction> actions(String names) {
        Set<GuardrailAction> actions = EnumSet.noneOf(GuardrailAction.class);
        Arrays.stream(names.split(",")).filter(s -> !s.isBlank()).map(GuardrailAction::valueOf).forEach(actions::add);
        return actions;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
