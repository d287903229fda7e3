package dev.tandem.identity;

import java.time.Instant;
import java.util.UUID;

/** An API token as the API shows it: never the secret, only its first characters to recognise it by. */
record TokenJson(UUID id, String name, String prefix, UUID ownerId, String owner, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt, boolean active) {

    static TokenJson of(ApiTokens.TokenInfo token, String owner) {
        return new TokenJson(token.id(), token.name(), token.prefix(), token.userId(), owner, token.createdAt(),
                token.lastUsedAt(), token.revokedAt(), token.active());
    }
}
