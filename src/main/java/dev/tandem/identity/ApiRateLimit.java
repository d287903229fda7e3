package dev.tandem.identity;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.tandem.limits.RateLimiter;
import dev.tandem.limits.RateLimiter.Limit;

/**
 * A token bucket per signed-in user for the API ({@code /api/**}, not the widget's, which has its own per address
 * and conversation): a runaway script or a stolen token gets 429 with {@code Retry-After} and changes nothing,
 * the other users go on. One bucket check per call, in this node's memory or shared through Redis
 * ({@code tandem.cluster.rate-limits}). Anonymous calls are left to the authorisation that refuses them.
 */
@Component
class ApiRateLimit implements HandlerInterceptor, WebMvcConfigurer {

    private final ApiRateLimitProperties settings;
    private final CurrentUsers currentUsers;
    private final RateLimiter buckets;
    private final Limit perUser;

    ApiRateLimit(ApiRateLimitProperties settings, CurrentUsers currentUsers, RateLimiter buckets) {
        this.settings = settings;
        this.currentUsers = currentUsers;
        this.buckets = buckets;
        this.perUser = new Limit(settings.requestsPerMinute(), settings.requestsPerMinute(), Duration.ofMinutes(1));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/widget/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!settings.enabled()) {
            return true;
        }
        currentUsers.current().ifPresent(me -> {
            var consumption = buckets.tryConsume("identity:api:" + me.id(), perUser);
            if (!consumption.consumed()) {
                long seconds = consumption.retryAfterSeconds();
                var tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "More than "
                                + settings.requestsPerMinute() + " API calls a minute from " + me.username()
                                + "; try again in " + seconds + " seconds."),
                        null);
                tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                throw tooMany;
            }
        });
        return true;
    }
}
