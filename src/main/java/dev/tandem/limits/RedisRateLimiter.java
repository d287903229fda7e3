package dev.tandem.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Buckets in Redis, shared by every node (Bucket4j's compare-and-swap proxy over Lettuce: a GET
 * and a Lua compare-and-set per consumption, one more GET when the bucket is new; a check of a
 * bucket that does not exist is one GET). Each key expires once its bucket would be full
 * again, so keys do not pile up. Keys are {@code tandem:limits:} and a SHA-256 of the caller's key:
 * user names and client addresses are not written to Redis, and a long user name cannot make a long key.
 * <p>
 * When Redis cannot be reached (not connected yet, down, or slower than the command timeout) the
 * node counts in its own memory ({@link LocalRateLimiter}), as a single node does, and tries Redis
 * again after {@link #RETRY_AFTER}; a warning is logged at most once a minute. So an outage never
 * becomes an error for the caller and never a lockout, and the limits still hold per node.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    /** Long enough that an outage costs one slow call per node every few seconds, not one per request. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    /** A full bucket is kept this long past its refill time, so that a key is not rewritten at once. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private static final String PREFIX = "tandem:limits:";

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final RateLimiter fallback;
    private final ReentrantLock connecting = new ReentrantLock();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY.toNanos());
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile ProxyManager<byte[]> buckets;
    private volatile long unavailableUntil = System.nanoTime();
    private volatile boolean failing;

    /**
     * @param uri where Redis is
     * @param timeout how long one command may take before the node counts in its own memory
     * @param connectTimeout how long one attempt to connect may take
     * @param fallback the node's own buckets while Redis cannot be reached
     */
    RedisRateLimiter(RedisURI uri, Duration timeout, Duration connectTimeout, RateLimiter fallback) {
        this.uri = uri;
        this.timeout = timeout;
        this.fallback = fallback;
        // the URI's timeout bounds the connection handshake; commands get theirs from TimeoutOptions
        uri.setTimeout(connectTimeout);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
            .autoReconnect(true)
            // fail at once while disconnected instead of queueing every request until the timeout
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
            .build());
    }

    @Override
    public Consumption tryConsume(String key, Limit limit) {
        ProxyManager<byte[]> shared = buckets();
        if (shared != null) {
            try {
                var probe = shared.builder().build(redisKey(key), limit::configuration).tryConsumeAndReturnRemaining(1);
                recovered();
                return LocalRateLimiter.consumption(probe);
            }
            catch (RuntimeException e) {
                unavailable(e);
            }
        }
        return fallback.tryConsume(key, limit);
    }

    @Override
    public long available(String key, Limit limit) {
        ProxyManager<byte[]> shared = buckets();
        if (shared != null) {
            try {
                // a missing bucket is full: one GET, and nothing is written for a check that finds no failures
                byte[] redisKey = redisKey(key);
                long available = shared.getProxyConfiguration(redisKey).isEmpty() ? limit.capacity()
                        : shared.builder().build(redisKey, limit::configuration).getAvailableTokens();
                recovered();
                return available;
            }
            catch (RuntimeException e) {
                unavailable(e);
            }
        }
        return fallback.available(key, limit);
    }

    /** The shared buckets, or null while Redis is known to be unreachable. One caller connects; the rest do not wait. */
    private ProxyManager<byte[]> buckets() {
        if (System.nanoTime() - unavailableUntil < 0) {
            return null;
        }
        ProxyManager<byte[]> current = buckets;
        if (current != null || !connecting.tryLock()) {
            return current;
        }
        try {
            if (buckets == null) {
                connection = client.connect(ByteArrayCodec.INSTANCE);
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                    .requestTimeout(timeout)
                    .build();
                log.info("Rate limits and sign-in throttling are shared by all nodes through Redis at {}:{}",
                        uri.getHost(), uri.getPort());
            }
            return buckets;
        }
        catch (RuntimeException e) {
            unavailable(e);
            return null;
        }
        finally {
            connecting.unlock();
        }
    }

    /** Whether the last call reached Redis (for the benchmark and the tests). */
    boolean shared() {
        return buckets != null && !failing;
    }

    private void unavailable(RuntimeException e) {
        unavailableUntil = System.nanoTime() + RETRY_AFTER.toNanos();
        failing = true;
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY.toNanos() && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis at {}:{} is unavailable for rate limits ({}); each node limits on its own until it is back",
                    uri.getHost(), uri.getPort(), rootCause(e));
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            log.info("Redis at {}:{} is back: rate limits are shared by all nodes again", uri.getHost(), uri.getPort());
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    static byte[] redisKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return (PREFIX + HexFormat.of().formatHex(digest, 0, 16)).getBytes(StandardCharsets.US_ASCII);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        var open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
