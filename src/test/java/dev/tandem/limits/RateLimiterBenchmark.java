package dev.tandem.limits;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.IntConsumer;

import dev.tandem.limits.RateLimiter.Limit;
import io.lettuce.core.RedisURI;

/**
 * What one bucket consumption costs, one thread, sequential calls: in Redis (a read and a Lua
 * compare-and-set per call) and in memory. Not a test: run it by hand (see docs/benchmarks.md).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.limits.RateLimiterBenchmark [redis-url] [calls]
 * </pre>
 */
public final class RateLimiterBenchmark {

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        // large enough never to refuse during the run: every call takes the "consumed" path
        var roomy = new Limit(1_000_000, 1_000_000, Duration.ofMinutes(1));
        var perConversation = new Limit(15, 30, Duration.ofMinutes(1));
        String run = UUID.randomUUID().toString();

        var redis = new RedisRateLimiter(RedisURI.create(url), RateLimiterConfiguration.DEFAULT_TIMEOUT,
                RateLimiterConfiguration.DEFAULT_CONNECT_TIMEOUT, new LocalRateLimiter());
        var local = new LocalRateLimiter();
        try {
            System.out.printf("%d calls per series after %d warm-up calls, one thread%n", calls, calls / 5);
            series("redis: tryConsume, one hot key (per-address limit)", calls,
                    i -> redis.tryConsume("bench:hot:" + run, roomy), redis);
            series("redis: tryConsume, a new key each call (first message of a conversation)", calls,
                    i -> redis.tryConsume("bench:new:" + run + ":" + i, perConversation), redis);
            series("redis: available, a key never used (sign-in check, no failures)", calls,
                    i -> redis.available("bench:none:" + run + ":" + i, roomy), redis);
            series("redis: available, one hot key (sign-in check after failures)", calls,
                    i -> redis.available("bench:hot:" + run, roomy), redis);
            series("memory: tryConsume, one hot key", calls, i -> local.tryConsume("bench:hot:" + run, roomy), redis);
        }
        finally {
            redis.close();
        }
    }

    private static void series(String name, int calls, IntConsumer call, RedisRateLimiter redis) {
        for (int i = 0; i < calls / 5; i++) {
            call.accept(-1 - i);
        }
        if (!redis.shared()) {
            throw new IllegalStateException("Redis is not reached: the calls would measure the in-memory fallback");
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-70s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms%n", name, nanos[calls / 2] / 1e6,
                nanos[(int) (calls * 0.99)] / 1e6, nanos[calls - 1] / 1e6);
    }
}
