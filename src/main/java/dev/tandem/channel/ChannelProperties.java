package dev.tandem.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Customer-side settings under {@code tandem.channel}.
 *
 * @param rateLimit limits on what one customer or one address may send
 * @param streamTimeout how long a live stream stays open before the widget reconnects (and catches up)
 */
@ConfigurationProperties("tandem.channel")
record ChannelProperties(RateLimit rateLimit, Duration streamTimeout) {

    ChannelProperties {
        rateLimit = rateLimit == null ? new RateLimit(null, null, null, null) : rateLimit;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(15) : streamTimeout;
    }

    /**
     * @param enabled on by default; {@code TANDEM_CHANNEL_RATELIMIT_ENABLED=false} turns all of them off
     * @param messagesPerMinute messages one conversation may post per minute (bursts of half at once)
     * @param requestsPerMinutePerIp widget API calls one client address may make per minute
     * @param conversationsPerHourPerIp conversations one client address may start per hour
     */
    record RateLimit(Boolean enabled, Integer messagesPerMinute, Integer requestsPerMinutePerIp,
            Integer conversationsPerHourPerIp) {

        RateLimit {
            enabled = enabled == null || enabled;
            messagesPerMinute = messagesPerMinute == null ? 30 : messagesPerMinute;
            requestsPerMinutePerIp = requestsPerMinutePerIp == null ? 300 : requestsPerMinutePerIp;
            conversationsPerHourPerIp = conversationsPerHourPerIp == null ? 30 : conversationsPerHourPerIp;
        }
    }
}
