package dev.tandem.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.tandem.limits.RateLimiter.Limit;

/** Which store the configuration chooses, and what a node does when its Redis is not there. */
class RateLimiterConfigurationTest {

    private static final Limit THREE_PER_HOUR = new Limit(3, 3, Duration.ofHours(1));

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withUserConfiguration(RateLimiterConfiguration.class);

    @Test
    void bucketsLiveInTheNodeByDefault() {
        context.run(started -> assertThat(started.getBean(RateLimiter.class)).isInstanceOf(LocalRateLimiter.class));
        context.withPropertyValues("tandem.cluster.rate-limits=local")
            .run(started -> assertThat(started.getBean(RateLimiter.class)).isInstanceOf(LocalRateLimiter.class));
    }

    @Test
    void withRedisDownANodeLimitsOnItsOwnAndNeverThrows() {
        context.withPropertyValues("tandem.cluster.rate-limits=redis", "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + closedPort(), "spring.data.redis.connect-timeout=500ms")
            .run(started -> {
                var node = started.getBean(RateLimiter.class);
                assertThat(node).isInstanceOf(RedisRateLimiter.class);
                String key = "test:" + UUID.randomUUID();
                for (int call = 1; call <= 3; call++) {
                    assertThat(node.tryConsume(key, THREE_PER_HOUR).consumed()).as("call " + call).isTrue();
                }
                assertThat(node.tryConsume(key, THREE_PER_HOUR).consumed()).as("the fourth, counted in memory")
                    .isFalse();
                assertThat(node.available(key, THREE_PER_HOUR)).isZero();
            });
    }

    @Test
    void theAddressComesFromSpringDataRedisSettings() {
        var redis = new DataRedisProperties();
        redis.setHost("redis.internal");
        redis.setPort(6380);
        redis.setDatabase(2);
        redis.setUsername("tandem");
        redis.setPassword("secret");
        var uri = RateLimiterConfiguration.uri(redis);
        assertThat(uri.getHost()).isEqualTo("redis.internal");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(2);
        var credentials = uri.getCredentialsProvider().resolveCredentials().block();
        assertThat(credentials.getUsername()).isEqualTo("tandem");
        assertThat(new String(credentials.getPassword())).isEqualTo("secret");

        redis.setUrl("rediss://:other@cache.example:6390/4");
        var fromUrl = RateLimiterConfiguration.uri(redis);
        assertThat(fromUrl.getHost()).isEqualTo("cache.example");
        assertThat(fromUrl.isSsl()).isTrue();
        assertThat(fromUrl.getDatabase()).isEqualTo(4);
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
