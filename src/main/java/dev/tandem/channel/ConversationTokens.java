package dev.tandem.channel;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
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

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConversationTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(UUID conversationId, UUID inboxId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into conversation_access (conversation_id, inbox_id, token_hash, created_at) values (?, ?, ?, ?)")
            .params(conversationId, inboxId, DigestUtils.sha256Hex(token), Timestamp.from(clock.instant()))
            .update();
        return token;
    }

    /** Refuses unless the token opens this very conversation; unknown ids and wrong tokens look alike. */
    void check(UUID conversationId, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw WidgetInboxes.problem(HttpStatus.UNAUTHORIZED,
                    "Send the conversation token you received when the conversation started (X-Conversation-Token).");
        }
        boolean matches = jdbc.sql("select count(*) from conversation_access where conversation_id = ? and token_hash = ?")
            .params(conversationId, DigestUtils.sha256Hex(token)).query(Long.class).single() == 1;
        if (!matches) {
            throw unknown();
        }
    }

    static ErrorResponseException unknown() {
        return WidgetInboxes.problem(HttpStatus.NOT_FOUND, "No conversation with this id and token.");
    }

}
