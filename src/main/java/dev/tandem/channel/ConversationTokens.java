package dev.tandem.channel;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The customer's key to their conversation: 256 random bits handed out once, kept only as a
 * SHA-256 hash, so a leaked database does not let anyone read or write as the customer.
 */
@Component
class ConversationTokens {

    private static final Duration RETRY_WINDOW = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConversationTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A new key to the conversation. {@code startKey} (the first message's client id) lets a
     * retried start find the conversation again; it is stored hashed like the token.
     */
    String issue(UUID conversationId, UUID inboxId, String startKey) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into conversation_access (token_hash, conversation_id, inbox_id, start_key_hash, created_at)
                values (?, ?, ?, ?, ?)""")
            .params(DigestUtils.sha256Hex(token), conversationId, inboxId,
                    isStartKey(startKey) ? DigestUtils.sha256Hex(startKey) : null, Timestamp.from(clock.instant()))
            .update();
        return token;
    }

    /**
     * The conversation a client started moments ago with this start key, if any: a retry after a
     * lost answer must not open a second conversation. Only long keys count (the widget sends
     * random UUIDs) and only for a short while, so a key cannot serve to reach an old conversation.
     */
    Optional<UUID> startedWith(String startKey, UUID inboxId) {
        if (!isStartKey(startKey)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select conversation_id from conversation_access
                where start_key_hash = ? and inbox_id = ? and created_at > ?""")
            .params(DigestUtils.sha256Hex(startKey), inboxId, Timestamp.from(clock.instant().minus(RETRY_WINDOW)))
            // list, not stream: a stream holds its connection until it is closed, and findFirst does not close it
            .query(UUID.class).list().stream().findFirst();
    }

    /** Refuses unless the token opens this very conversation; unknown ids and wrong tokens look alike. */
    void check(UUID conversationId, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw WidgetInboxes.problem(HttpStatus.UNAUTHORIZED,
                    "Send the conversation token you received when the conversation started (X-Conversation-Token).");
        }
        boolean matches = jdbc.sql("select count(*) from conversation_access where token_hash = ? and conversation_id = ?")
            .params(DigestUtils.sha256Hex(token), conversationId).query(Long.class).single() == 1;
        if (!matches) {
            throw unknown();
        }
    }

    static ErrorResponseException unknown() {
        return WidgetInboxes.problem(HttpStatus.NOT_FOUND, "No conversation with this id and token.");
    }

    private static boolean isStartKey(String startKey) {
        return startKey != null && startKey.length() >= 16;
    }
}
