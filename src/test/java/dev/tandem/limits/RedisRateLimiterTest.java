package dev.tandem.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tandem.limits.RateLimiter.Limit;
import io.lettuce.core.RedisClient;

/** Buckets in the local Redis, as two nodes see them. */
class RedisRateLimiterTest {

    private static final Limit THREE_PER_HOUR = new Limit(3, 3, Duration.ofHours(1));

    @BeforeAll
    static void redisRuns() {
        TestRedis.assumeRunning();
    }

    @AfterAll
    static void close() {
        TestRedis.closeNodes();
    }

    @Test
    void aSecondNodeSeesWhatTheFirstConsumed() {
        var first = TestRedis.node();
        var second = TestRedis.node();
        String key = "test:" + UUID.randomUUID();

        assertThat(first.tryConsume(key, THREE_PER_HOUR).remaining()).isEqualTo(2);
        assertThat(first.tryConsume(key, THREE_PER_HOUR).remaining()).isEqualTo(1);
        assertThat(second.available(key, THREE_PER_HOUR)).isEqualTo(1);
        assertThat(second.tryConsume(key, THREE_PER_HOUR).consumed()).isTrue();

        var refused = first.tryConsume(key, THREE_PER_HOUR);
        assertThat(refused.consumed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
        assertThat(second.available("test:" + UUID.randomUUID(), THREE_PER_HOUR)).as("another key").isEqualTo(3);
    }

    @Test
    void aBucketExpiresOnceItWouldBeFullAgain() {
        String key = "test:" + UUID.randomUUID();
        TestRedis.node().tryConsume(key, THREE_PER_HOUR);

        var client = RedisClient.create(TestRedis.URL);
        try (var connection = client.connect()) {
            String redisKey = new String(RedisRateLimiter.redisKey(key), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(redisKey).startsWith("tandem:limits:").doesNotContain("test:");
            // one token of three is missing: it refills in 20 minutes, and the key lives about that long
            assertThat(Duration.ofMillis(connection.sync().pttl(redisKey)))
                .isGreaterThan(Duration.ofMinutes(19))
                .isLessThanOrEqualTo(Duration.ofMinutes(21));
        }
        finally {
            client.shutdown();
        }
    }

    @Test
    void theSpringDataRedisSettingsReachTheLocalRedis() {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
            .withUserConfiguration(RateLimiterConfiguration.class)
            .withPropertyValues("tandem.cluster.rate-limits=redis", "spring.data.redis.url=" + TestRedis.URL,
                    "spring.data.redis.timeout=2s", "spring.data.redis.connect-timeout=5s")
            .run(started -> {
                var node = (RedisRateLimiter) started.getBean(RateLimiter.class);
                String key = "test:" + UUID.randomUUID();
                assertThat(node.tryConsume(key, THREE_PER_HOUR).remaining()).isEqualTo(2);
                assertThat(node.shared()).as("counted in Redis").isTrue();
                assertThat(TestRedis.node().available(key, THREE_PER_HOUR)).isEqualTo(2);
            });
    }
}
