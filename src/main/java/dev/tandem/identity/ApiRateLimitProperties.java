package dev.tandem.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether signed-in callers of {@code /api/**} (people and their API tokens) are limited
 * @param requestsPerMinute per user: the bucket's size and its refill per minute, generous for a person and
 *        for an integration that behaves, a stop for a runaway script or a stolen token
 */
@ConfigurationProperties("tandem.api.rate-limit")
record ApiRateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("600") int requestsPerMinute) {

    ApiRateLimitProperties {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("tandem.api.rate-limit.requests-per-minute must be at least 1");
        }
    }
}
