package dev.tandem.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The stored versions of the summaries; a version once written never changes. */
@Repository
class SummaryStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SummaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds {@code summary} as the version after {@code previousVersion}.
     *
     * @param cause what made it (the event), null for an edit; a cause seen before adds nothing
     * @return false when another version took that number first, or the cause was already summarised
     */
    boolean insert(Summary summary, String cause) {
        var content = new SummaryContent(summary.reason(), summary.details(), summary.actions(), summary.outcome(),
                summary.followUps());
        try {
            jdbc.sql("""
                    insert into conversation_summary (conversation_id, version, trigger_kind, source, cause, content,
                        edited_by_id, edited_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(summary.conversationId(), summary.version(), summary.trigger().name(), summary.source().name(),
                        cause, JSON.writeValueAsString(content), summary.editedById(), summary.editedBy(),
                        Timestamp.from(summary.createdAt()))
                .update();
            return true;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    boolean summarised(UUID conversationId, String cause) {
        return jdbc.sql("select count(*) from conversation_summary where conversation_id = ? and cause = ?")
            .params(conversationId, cause).query(Long.class).single() > 0;
    }

    Optional<Summary> latest(UUID conversationId) {
        // the newest only: not a stream, which would hold its connection until closed
        return jdbc.sql("select * from conversation_summary where conversation_id = ? order by version desc limit 1")
            .param(conversationId).query(SummaryStore::summary).list().stream().findFirst();
    }

    /** Every version, newest first. */
    List<Summary> versions(UUID conversationId) {
        return jdbc.sql("select * from conversation_summary where conversation_id = ? order by version desc")
            .param(conversationId).query(SummaryStore::summary).list();
    }

    /** The newest version of each of these conversations that has one. */
    Map<UUID, Summary> latest(Collection<UUID> conversationIds) {
        Map<UUID, Summary> latest = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                select s.* from conversation_summary s
                where s.conversation_id in (:ids)
                  and s.version = (select max(v.version) from conversation_summary v where v.conversation_id = s.conversation_id)""")
            .param("ids", List.copyOf(conversationIds))
            .query(SummaryStore::summary).list()
            .forEach(summary -> latest.put(summary.conversationId(), summary));
        return latest;
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        SummaryContent content = JSON.readValue(rs.getString("content"), SummaryContent.class);
        return new Summary(rs.getObject("conversation_id", UUID.class), rs.getInt("version"),
                Summary.Trigger.valueOf(rs.getString("trigger_kind")), Summary.Source.valueOf(rs.getString("source")),
                content.reason(), content.details(), content.actions(), content.outcome(), content.followUps(),
                rs.getObject("edited_by_id", UUID.class), rs.getString("edited_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
