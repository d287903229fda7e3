package dev.tandem.identity;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Slows down password guessing: a user name or a client address that failed too often within
 * the window is refused until the window refills, whatever the password.
 */
@Component
class SignInThrottle {

    private final IdentityProperties properties;
    private final Cache<String, Bucket> failures;

    SignInThrottle(IdentityProperties properties) {
        this.properties = properties;
        this.failures = Caffeine.newBuilder().expireAfterAccess(properties.signInWindow().multipliedBy(2))
            .maximumSize(100_000).build();
    }

    boolean isBlocked(String username, String remoteIp) {
        return exhausted("user:" + normalise(username)) || exhausted("ip:" + remoteIp);
    }

    void recordFailure(String username, String remoteIp) {
        bucket("user:" + normalise(username), properties.signInAttempts()).tryConsume(1);
        bucket("ip:" + remoteIp, properties.signInAttemptsPerIp()).tryConsume(1);
    }

    Duration window() {
        return properties.signInWindow();
    }

    private boolean exhausted(String key) {
        Bucket bucket = failures.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(String key, int attempts) {
        return failures.get(key, k -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, properties.signInWindow()).build())
            .build());
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }
}
