package dev.tandem.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customers' ratings: one per conversation, never changed. */
@Repository
class CsatRatings {

    record Rating(UUID conversationId, int rating, String comment, RateConversation.Via via, Instant ratedAt) {
    }

    private final JdbcClient jdbc;

    CsatRatings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the conversation was rated already */
    boolean insert(Rating rating) {
        try {
            jdbc.sql("insert into csat_rating (conversation_id, rating, comment, via, rated_at) values (?, ?, ?, ?, ?)")
                .params(rating.conversationId(), rating.rating(), rating.comment(), rating.via().name(),
                        Timestamp.from(rating.ratedAt()))
                .update();
            return true;
        } catch (DuplicateKeyException rated) {
            return false;
        }
    }

    Optional<Rating> of(UUID conversationId) {
        return jdbc.sql("select * from csat_rating where conversation_id = ?").param(conversationId)
            .query((rs, n) -> new Rating(conversationId, rs.getInt("rating"), rs.getString("comment"),
                    RateConversation.Via.valueOf(rs.getString("via")), rs.getTimestamp("rated_at").toInstant()))
            .optional();
    }
}
