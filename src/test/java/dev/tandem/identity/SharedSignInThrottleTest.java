package dev.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tandem.limits.TestRedis;

/**
 * Two nodes with {@code tandem.cluster.rate-limits=redis}: a password guesser behind a load
 * balancer gets five attempts in all, not five per node.
 */
class SharedSignInThrottleTest {

    @BeforeAll
    static void redisRuns() {
        TestRedis.assumeRunning();
    }

    @AfterAll
    static void close() {
        TestRedis.closeNodes();
    }

    @Test
    void failuresOnOneNodeBlockTheUserOnTheOther() {
        var settings = new IdentityProperties(null, 5, 30, Duration.ofMinutes(15));
        var first = new SignInThrottle(settings, TestRedis.node());
        var second = new SignInThrottle(settings, TestRedis.node());
        String user = "guessed-" + UUID.randomUUID();

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat((attempt % 2 == 0 ? second : first).isBlocked(user, "203.0.113.7")).as("attempt " + attempt)
                .isFalse();
            (attempt % 2 == 0 ? second : first).recordFailure(user, "203.0.113." + attempt);
        }

        assertThat(second.isBlocked(user, "203.0.113.99")).isTrue();
        assertThat(first.isBlocked(user.toUpperCase(), "203.0.113.99")).as("user names ignore case").isTrue();
        assertThat(second.isBlocked("someone-else-" + UUID.randomUUID(), "203.0.113.99")).isFalse();
    }

    @Test
    void failuresFromOneAddressCountOnEveryNode() {
        var settings = new IdentityProperties(null, 5, 3, Duration.ofMinutes(15));
        var first = new SignInThrottle(settings, TestRedis.node());
        var second = new SignInThrottle(settings, TestRedis.node());
        String address = "192.0.2.1-" + UUID.randomUUID();

        first.recordFailure("a-" + UUID.randomUUID(), address);
        second.recordFailure("b-" + UUID.randomUUID(), address);
        first.recordFailure("c-" + UUID.randomUUID(), address);

        assertThat(second.isBlocked("d-" + UUID.randomUUID(), address)).isTrue();
    }
}
