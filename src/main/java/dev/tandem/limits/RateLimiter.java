package dev.tandem.limits;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * Token buckets by key: each key has its own bucket under the {@link Limit} the caller gives.
 * Which store holds them is configuration ({@code tandem.cluster.rate-limits}): this node's memory
 * ({@code local}, the default), or Redis ({@code redis}), where every node sees every node's
 * consumption. Callers prefix their keys with their module's name so that they never share a bucket.
 * <p>
 * Neither method throws when the shared store is unreachable: the node then counts in its own
 * memory (see {@code docs/architecture.md}, "Ready for several nodes").
 */
public interface RateLimiter {

    /** Takes one token from the bucket of {@code key}. */
    Consumption tryConsume(String key, Limit limit);

    /** The tokens left in the bucket of {@code key}, without taking one; a bucket never used is full. */
    long available(String key, Limit limit);

    /**
     * A token bucket: up to {@code capacity} at once, refilled evenly by {@code refill} tokens per
     * {@code period}.
     */
    record Limit(long capacity, long refill, Duration period) {

        public Limit {
            if (capacity < 1 || refill < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A limit needs a positive capacity, refill and period");
            }
        }

        /** How long an untouched bucket takes to be full again: after that it equals a new one. */
        Duration timeToFull() {
            return period.multipliedBy(capacity).dividedBy(refill).plus(period.dividedBy(refill));
        }

        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build();
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder().addLimit(bandwidth()).build();
        }
    }

    /**
     * @param consumed whether a token was taken
     * @param remaining tokens left after this call
     * @param retryAfter when {@code consumed} is false, how long until the next token; otherwise zero
     */
    record Consumption(boolean consumed, long remaining, Duration retryAfter) {

        /** {@code retryAfter} as an HTTP {@code Retry-After}: whole seconds, rounded up, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds() + 1);
        }
    }
}
