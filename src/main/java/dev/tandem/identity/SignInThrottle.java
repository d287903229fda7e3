package dev.tandem.identity;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.tandem.limits.RateLimiter;
import dev.tandem.limits.RateLimiter.Limit;

/**
 * Slows down password guessing: a user name or a client address that failed too often within
 * the window is refused until the window refills, whatever the password. The buckets are the
 * {@code limits} module's, so with {@code tandem.cluster.rate-limits=redis} a guesser gets the same
 * number of attempts however many nodes answer.
 */
@Component
class SignInThrottle {

    private final IdentityProperties properties;
    private final RateLimiter buckets;
    private final Limit perUser;
    private final Limit perIp;

    SignInThrottle(IdentityProperties properties, RateLimiter buckets) {
        this.properties = properties;
        this.buckets = buckets;
        this.perUser = new Limit(properties.signInAttempts(), properties.signInAttempts(), properties.signInWindow());
        this.perIp = new Limit(properties.signInAttemptsPerIp(), properties.signInAttemptsPerIp(),
                properties.signInWindow());
    }

    boolean isBlocked(String username, String remoteIp) {
        return buckets.available(userKey(username), perUser) <= 0 || buckets.available(ipKey(remoteIp), perIp) <= 0;
    }

    void recordFailure(String username, String remoteIp) {
        buckets.tryConsume(userKey(username), perUser);
        buckets.tryConsume(ipKey(remoteIp), perIp);
    }

    Duration window() {
        return properties.signInWindow();
    }

    private static String userKey(String username) {
        return "sign-in:user:" + (username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT));
    }

    private static String ipKey(String remoteIp) {
        return "sign-in:ip:" + remoteIp;
    }
}
