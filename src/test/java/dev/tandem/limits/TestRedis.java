package dev.tandem.limits;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisURI;

/**
 * The local Redis for the tests of shared limits (127.0.0.1:6379 unless
 * {@code -Dtandem.test.redis-url=...}). Like PostgreSQL and RabbitMQ: a test that needs it fails
 * when it is unreachable and {@code CI=true}, and is skipped on a developer's machine without it.
 */
public final class TestRedis {

    public static final String URL = System.getProperty("tandem.test.redis-url", "redis://127.0.0.1:6379");

    private static final List<RedisRateLimiter> NODES = new ArrayList<>();

    private TestRedis() {
    }

    /** Call from {@code @BeforeAll}. */
    public static void assumeRunning() {
        RedisURI uri = RedisURI.create(URL);
        boolean reachable;
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            reachable = true;
        }
        catch (IOException e) {
            reachable = false;
        }
        if (!reachable && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("Redis at " + URL + " is required in CI");
        }
        assumeTrue(reachable, "Redis is not running at " + URL);
    }

    /** What one node has with {@code tandem.cluster.rate-limits=redis}: its own client, connection and fallback. */
    public static synchronized RateLimiter node() {
        // generous timeouts: on a busy build machine a slow call would make the node count on its own
        var node = new RedisRateLimiter(RedisURI.create(URL), Duration.ofSeconds(2), Duration.ofSeconds(5),
                new LocalRateLimiter());
        NODES.add(node);
        return node;
    }

    /** Call from {@code @AfterAll}. */
    public static synchronized void closeNodes() {
        NODES.forEach(RedisRateLimiter::close);
        NODES.clear();
    }
}
