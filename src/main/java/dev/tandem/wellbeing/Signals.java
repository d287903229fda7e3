package dev.tandem.wellbeing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What other modules found about a conversation that makes it hard on its agent, one row per kind. */
@Repository
class Signals {

    private final JdbcClient jdbc;

    Signals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the conversation had that kind already */
    boolean add(UUID conversationId, Difficulty kind, Instant at) {
        try {
            return jdbc.sql("insert into wellbeing_signal (conversation_id, kind, found_at) values (?, ?, ?)")
                .params(conversationId, kind.name(), Timestamp.from(at)).update() == 1;
        }
        catch (DuplicateKeyException already) {
            return false;
        }
    }

    Set<Difficulty> of(UUID conversationId) {
        Set<Difficulty> kinds = EnumSet.noneOf(Difficulty.class);
        jdbc.sql("select kind from wellbeing_signal where conversation_id = ?").param(conversationId)
            .query(String.class).list().forEach(kind -> kinds.add(Difficulty.valueOf(kind)));
        return kinds;
    }

    /** Every conversation with a signal found since {@code since}, with its kinds. */
    Map<UUID, Set<Difficulty>> since(Instant since) {
        Map<UUID, Set<Difficulty>> all = new HashMap<>();
        jdbc.sql("select conversation_id, kind from wellbeing_signal where found_at >= ?").param(Timestamp.from(since))
            .query(rs -> {
                all.computeIfAbsent(rs.getObject("conversation_id", UUID.class), id -> EnumSet.noneOf(Difficulty.class))
                    .add(Difficulty.valueOf(rs.getString("kind")));
            });
        return all;
    }
}
