package dev.tandem.limits;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.lettuce.core.RedisURI;

/**
 * Chooses where the buckets live: {@code tandem.cluster.rate-limits=local} (default) or
 * {@code redis}. Spring Boot's Redis auto-configuration is excluded ({@code TandemApplication}), so
 * with {@code local} nothing connects to Redis and no Redis health check exists; with {@code redis}
 * the client is built here from the ordinary {@code spring.data.redis.*} settings (standalone
 * Redis, or Sentinel through a {@code redis-sentinel://} URL).
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

    /**
     * Redis answers in well under a millisecond; past this the node counts on its own (see
     * RedisRateLimiter). Generous on purpose: a refused connection fails at once anyway, this only
     * bounds a hung Redis or a lost network, and a short one would fall back on every GC pause.
     */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    @ConditionalOnProperty(name = "tandem.cluster.rate-limits", havingValue = "local", matchIfMissing = true)
    RateLimiter localRateLimiter() {
        return new LocalRateLimiter();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "tandem.cluster.rate-limits", havingValue = "redis")
    RateLimiter redisRateLimiter(Environment environment) {
        DataRedisProperties redis = Binder.get(environment)
            .bind("spring.data.redis", DataRedisProperties.class)
            .orElseGet(DataRedisProperties::new);
        Duration timeout = redis.getTimeout() != null ? redis.getTimeout() : DEFAULT_TIMEOUT;
        Duration connectTimeout = redis.getConnectTimeout() != null ? redis.getConnectTimeout()
                : DEFAULT_CONNECT_TIMEOUT;
        return new RedisRateLimiter(uri(redis), timeout, connectTimeout, new LocalRateLimiter());
    }

    static RedisURI uri(DataRedisProperties redis) {
        RedisURI uri;
        if (StringUtils.hasText(redis.getUrl())) {
            uri = RedisURI.create(redis.getUrl());
        }
        else {
            uri = RedisURI.builder()
                .withHost(redis.getHost())
                .withPort(redis.getPort())
                .withDatabase(redis.getDatabase())
                .withSsl(redis.getSsl().isEnabled())
                .build();
            if (StringUtils.hasText(redis.getPassword())) {
                if (StringUtils.hasText(redis.getUsername())) {
                    uri.setAuthentication(redis.getUsername(), redis.getPassword().toCharArray());
                }
                else {
                    uri.setAuthentication(redis.getPassword().toCharArray());
                }
            }
        }
        if (StringUtils.hasText(redis.getClientName())) {
            uri.setClientName(redis.getClientName());
        }
        return uri;
    }
}
