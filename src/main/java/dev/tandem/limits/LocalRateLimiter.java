package dev.tandem.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Buckets in this node's memory. An entry is dropped once its bucket would be full again (a full
 * bucket is the same as none), and at most 500,000 are kept, so a flood of new addresses cannot
 * exhaust the heap.
 */
final class LocalRateLimiter implements RateLimiter {

    private record Entry(Bucket bucket, Duration timeToFull) {
    }

    private final Cache<String, Entry> buckets = Caffeine.newBuilder()
        .expireAfter(Expiry.accessing((String key, Entry entry) -> entry.timeToFull()))
        .maximumSize(500_000)
        .build();

    @Override
    public Consumption tryConsume(String key, Limit limit) {
        Entry entry = buckets.get(key, k -> new Entry(Bucket.builder().addLimit(limit.bandwidth()).build(),
                limit.timeToFull()));
        return consumption(entry.bucket().tryConsumeAndReturnRemaining(1));
    }

    @Override
    public long available(String key, Limit limit) {
        Entry entry = buckets.getIfPresent(key);
        return entry == null ? limit.capacity() : entry.bucket().getAvailableTokens();
    }

    static Consumption consumption(ConsumptionProbe probe) {
        return new Consumption(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
