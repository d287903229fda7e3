package dev.tandem.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.tandem.identity.IdentityEvents.ApiTokenIssued;
import dev.tandem.identity.IdentityEvents.ApiTokenRevoked;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Personal API tokens for {@code /api/**}. The secret is shown once when issued; only its
 * SHA-256 is stored (the tokens carry 256 random bits, so a fast hash is safe and keeps every
 * API call cheap).
 */
@Service
@Transactional
public class ApiTokens {

    /** Time-ordered UUIDv7: primary-key indexes grow at their end, ids sort by creation time. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    static final String PREFIX = "tdm_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, UserRepository users, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    public record IssuedToken(UUID id, String name, String secret) {
    }

    public record TokenInfo(UUID id, UUID userId, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    public IssuedToken issue(UUID userId, String name, String by) {
        var owner = users.findById(userId).orElseThrow(() -> UserAccounts.notFound(userId));
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw UserAccounts.invalid("Give the token a name of at most 100 characters, such as 'CRM integration'.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = IDS.generate();
        jdbc.sql("""
                insert into api_token (id, user_id, name, token_hash, token_prefix, created_at)
                values (?, ?, ?, ?, ?, ?)""")
            .params(id, userId, name.trim(), DigestUtils.sha256Hex(secret), secret.substring(0, 10), Timestamp.from(clock.instant()))
            .update();
        events.publishEvent(new ApiTokenIssued(id, name.trim(), owner.username(), by, clock.instant()));
        return new IssuedToken(id, name.trim(), secret);
    }

    public void revoke(UUID tokenId, String by) {
        TokenInfo token = find(tokenId).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API token with id " + tokenId + "."), null));
        if (!token.active()) {
            return;
        }
        jdbc.sql("update api_token set revoked_at = ? where id = ?").params(Timestamp.from(clock.instant()), tokenId)
            .update();
        String owner = users.findById(token.userId()).map(UserRepository.StoredUser::username).orElse("?");
        events.publishEvent(new ApiTokenRevoked(tokenId, token.name(), owner, by, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<TokenInfo> find(UUID tokenId) {
        return jdbc.sql("select * from api_token where id = ?").param(tokenId).query(this::tokenInfo).optional();
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> of(UUID userId) {
        return jdbc.sql("select * from api_token where user_id = ? order by created_at desc").param(userId)
            .query(this::tokenInfo).list();
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> all() {
        return jdbc.sql("select * from api_token order by created_at desc").query(this::tokenInfo).list();
    }

    /** The username owning an active token with this secret. */
    Optional<String> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<TokenInfo> token = jdbc.sql("select * from api_token where token_hash = ? and revoked_at is null")
            .param(DigestUtils.sha256Hex(secret)).query(this::tokenInfo).optional();
        token.ifPresent(this::touch);
        return token.flatMap(t -> users.findById(t.userId())).filter(UserRepository.StoredUser::enabled)
            .map(UserRepository.StoredUser::username);
    }

    private void touch(TokenInfo token) {
        Instant now = clock.instant();
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            jdbc.sql("update api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), token.id())
                .update();
        }
    }

    private TokenInfo tokenInfo(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TokenInfo(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getString("token_prefix"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
