package dev.tandem.insight;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The links of CSAT emails: the conversation and an expiry, signed with HMAC-SHA256, so that a link rates exactly
 * one conversation until it expires and cannot be made up or changed. The link carries no token of the
 * conversation: whoever holds it may rate, and learns nothing else.
 */
@Component
class RatingLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final InsightProperties.Csat settings;
    private final Clock clock;
    private final AtomicReference<byte[]> key = new AtomicReference<>();

    RatingLinks(JdbcClient jdbc, InsightProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.csat();
        this.clock = clock;
    }

    /** The path of a link that rates the conversation until the link validity has passed. */
    String path(UUID conversationId) {
        return "/rate/" + token(conversationId, clock.instant().plus(settings.linkValidity()));
    }

    String url(UUID conversationId) {
        return settings.linkBaseUrl().replaceAll("/+$", "") + path(conversationId);
    }

    String token(UUID conversationId, Instant expires) {
        ByteBuffer payload = ByteBuffer.allocate(24);
        payload.putLong(conversationId.getMostSignificantBits()).putLong(conversationId.getLeastSignificantBits())
            .putLong(expires.getEpochSecond());
        byte[] bytes = payload.array();
        return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(sign(bytes));
    }

    /** The conversation a valid, unexpired link rates; empty for anything else. */
    Optional<UUID> check(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (payload.length != 24 || !MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            ByteBuffer read = ByteBuffer.wrap(payload);
            UUID conversation = new UUID(read.getLong(), read.getLong());
            if (clock.instant().isAfter(Instant.ofEpochSecond(read.getLong()))) {
                return Optional.empty();
            }
            return Optional.of(conversation);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key()).hmac(payload);
    }

    private byte[] key() {
        byte[] known = key.get();
        if (known != null) {
            return known;
        }
        String configured = settings.signingKey();
        byte[] made;
        if (configured != null && !configured.isBlank()) {
            made = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            made = stored().orElseGet(() -> {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    jdbc.sql("insert into insight_key (name, secret, created_at) values ('rating-links', ?, ?)")
                        .params(ENCODE.encodeToString(random), Timestamp.from(clock.instant())).update();
                } catch (DuplicateKeyException anotherNodeFirst) {
                    // another node made it a moment ago: use theirs
                }
                return stored().orElseThrow();
            });
        }
        key.compareAndSet(null, made);
        return key.get();
    }

    private Optional<byte[]> stored() {
        return jdbc.sql("select secret from insight_key where name = 'rating-links'").query(String.class).optional()
            .map(DECODE::decode);
    }
}
