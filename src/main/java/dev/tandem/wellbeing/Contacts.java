package dev.tandem.wellbeing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** The contacts table: one agent's handling of one conversation. */
@Repository
class Contacts {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    /** @param endedAt null while the agent still has it */
    record Contact(UUID id, UUID agentId, UUID conversationId, Instant startedAt, Instant endedAt,
            Set<Difficulty> difficulty, Double peakFrustration) {

        boolean difficult() {
            return !difficulty.isEmpty();
        }
    }

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts one unless the agent already has this conversation open (a redelivered event). */
    void start(UUID agentId, UUID conversationId, Instant at) {
        boolean open = jdbc.sql("""
                select count(*) from wellbeing_contact
                where agent_id = ? and conversation_id = ? and ended_at is null""")
            .params(agentId, conversationId).query(Long.class).single() > 0;
        if (!open) {
            jdbc.sql("insert into wellbeing_contact (id, agent_id, conversation_id, started_at) values (?, ?, ?, ?)")
                .params(IDS.generate(), agentId, conversationId, Timestamp.from(at)).update();
        }
    }

    /** The open contacts of a conversation (normally one). */
    List<Contact> open(UUID conversationId) {
        return jdbc.sql("select * from wellbeing_contact where conversation_id = ? and ended_at is null")
            .param(conversationId).query(Contacts::read).list();
    }

    /** Ends it with what made it difficult; false when it had ended already (of two callers one wins). */
    boolean end(UUID id, Instant at, Set<Difficulty> difficulty, Double peakFrustration) {
        return jdbc.sql("""
                update wellbeing_contact set ended_at = ?, difficulty = ?, peak_frustration = ?
                where id = ? and ended_at is null""")
            .params(Timestamp.from(at), Difficulty.encode(difficulty), peakFrustration, id).update() == 1;
    }

    /** Contacts of the conversation that ended since {@code since}. */
    List<Contact> endedSince(UUID conversationId, Instant since) {
        return jdbc.sql("select * from wellbeing_contact where conversation_id = ? and ended_at >= ?")
            .params(conversationId, Timestamp.from(since)).query(Contacts::read).list();
    }

    void difficulty(UUID id, Set<Difficulty> difficulty) {
        jdbc.sql("update wellbeing_contact set difficulty = ? where id = ?").params(Difficulty.encode(difficulty), id)
            .update();
    }

    /** The agent's contacts open now or ended since {@code since}, oldest first. */
    List<Contact> ofAgent(UUID agentId, Instant since) {
        return jdbc.sql("""
                select * from wellbeing_contact
                where agent_id = ? and (ended_at is null or ended_at >= ?)
                order by started_at, id""")
            .params(agentId, Timestamp.from(since)).query(Contacts::read).list();
    }

    /** The agent's difficult contacts that ended since {@code since}, newest first. */
    List<Contact> difficultSince(UUID agentId, Instant since) {
        return jdbc.sql("""
                select * from wellbeing_contact
                where agent_id = ? and ended_at >= ? and difficulty is not null
                order by ended_at desc, id""")
            .params(agentId, Timestamp.from(since)).query(Contacts::read).list();
    }

    Optional<Contact> find(UUID id) {
        return jdbc.sql("select * from wellbeing_contact where id = ?").param(id).query(Contacts::read).optional();
    }

    private static Contact read(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        double peak = rs.getDouble("peak_frustration");
        Double peakOrNull = rs.wasNull() ? null : peak;
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                rs.getObject("conversation_id", UUID.class), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant(), Difficulty.decode(rs.getString("difficulty")),
                peakOrNull);
    }
}
