package dev.tandem.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.tandem.identity.CurrentUsers;
import dev.tandem.identity.Role;

/**
 * An agent working through the agent API (their own client, an integration acting as them) has no
 * workspace page open, yet is there: each call counts as being seen. Written at most once per
 * quarter of {@code tandem.routing.presence.offline-after} per agent and node, not on every call.
 */
@Component
class ApiCallsCountAsSeen implements HandlerInterceptor, WebMvcConfigurer {

    private final CurrentUsers currentUsers;
    private final AgentPresence presence;
    private final Duration every;
    private final Clock clock;
    private final Map<UUID, Instant> recorded = new ConcurrentHashMap<>();

    ApiCallsCountAsSeen(CurrentUsers currentUsers, AgentPresence presence, RoutingProperties properties, Clock clock) {
        this.currentUsers = currentUsers;
        this.presence = presence;
        this.every = properties.presence().offlineAfter().dividedBy(4);
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/widget/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        currentUsers.current().filter(me -> me.hasRole(Role.AGENT)).ifPresent(me -> {
            Instant now = clock.instant();
            Instant last = recorded.get(me.id());
            if (last == null || !last.plus(every).isAfter(now)) {
                recorded.put(me.id(), now);
                presence.seen(List.of(me.id()));
            }
        });
        return true;
    }
}
