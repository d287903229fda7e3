package dev.tandem.channel;

import java.time.Duration;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.tandem.limits.RateLimiter;
import dev.tandem.limits.RateLimiter.Limit;

/**
 * Token buckets per conversation and per client address; an exhausted bucket answers 429 with
 * {@code Retry-After}. The buckets are the {@code limits} module's: in this node's memory, or shared
 * by all nodes with {@code tandem.cluster.rate-limits=redis}.
 */
@Component
class RateLimits {

    private final ChannelProperties.RateLimit settings;
    private final RateLimiter buckets;
    private final Limit perIp;
    private final Limit startsPerIp;
    private final Limit perConversation;

    RateLimits(ChannelProperties properties, RateLimiter buckets) {
        this.settings = properties.rateLimit();
        this.buckets = buckets;
        int requests = settings.requestsPerMinutePerIp();
        int starts = settings.conversationsPerHourPerIp();
        int messages = settings.messagesPerMinute();
        this.perIp = new Limit(requests, requests, Duration.ofMinutes(1));
        this.startsPerIp = new Limit(starts, starts, Duration.ofHours(1));
        this.perConversation = new Limit(Math.max(1, messages / 2), messages, Duration.ofMinutes(1));
    }

    void request(String remoteIp) {
        take("channel:ip:" + remoteIp, perIp);
    }

    void newConversation(String remoteIp) {
        take("channel:start:" + remoteIp, startsPerIp);
    }

    void message(UUID conversationId) {
        take("channel:conversation:" + conversationId, perConversation);
    }

    private void take(String key, Limit limit) {
        if (!settings.enabled()) {
            return;
        }
        var consumption = buckets.tryConsume(key, limit);
        if (!consumption.consumed()) {
            long seconds = consumption.retryAfterSeconds();
            var tooMany = WidgetInboxes.problem(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests; try again in " + seconds + " seconds.");
            tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            throw tooMany;
        }
    }

}
