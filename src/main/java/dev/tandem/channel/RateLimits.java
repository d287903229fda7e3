package dev.tandem.channel;

import java.time.Duration;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per conversation and per client address; an exhausted bucket answers
 * 429 with {@code Retry-After}. Buckets live in this node's memory: behind a load balancer each
 * node enforces the limits on its own share of the traffic.
 */
@Component
class RateLimits {

    private final ChannelProperties.RateLimit settings;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2))
        .maximumSize(500_000).build();

    RateLimits(ChannelProperties properties) {
        this.settings = properties.rateLimit();
    }

    void request(String remoteIp) {
        take("ip:" + remoteIp, settings.requestsPerMinutePerIp(), Duration.ofMinutes(1), settings.requestsPerMinutePerIp());
    }

    void newConversation(String remoteIp) {
        take("start:" + remoteIp, settings.conversationsPerHourPerIp(), Duration.ofHours(1),
                settings.conversationsPerHourPerIp());
    }

    void message(UUID conversationId) {
        int perMinute = settings.messagesPerMinute();
        take("conversation:" + conversationId, perMinute, Duration.ofMinutes(1), Math.max(1, perMinute / 2));
    }

    private void take(String key, int refill, Duration period, int burst) {
        if (!settings.enabled()) {
            return;
        }
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(refill, period).build())
            .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            var tooMany = WidgetInboxes.problem(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests; try again in " + seconds + " seconds.");
            tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            throw tooMany;
        }
    }

}
