package dev.tandem.identity;

import java.time.Duration;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tandem.identity.IdentityEvents.UserChanged;
import dev.tandem.identity.IdentityEvents.UserRolesChanged;

/**
 * Who is calling, read fresh from the directory (cached for a few seconds) rather than frozen in
 * the session, so that a role or team change takes effect on the next request on every node.
 */
@Component
public class CurrentUsers {

    private static final Duration FRESHNESS = Duration.ofSeconds(5);

    private final UserDirectory directory;
    private final Cache<String, CurrentUser> cache = Caffeine.newBuilder().expireAfterWrite(FRESHNESS)
        .maximumSize(10_000).build();

    CurrentUsers(UserDirectory directory) {
        this.directory = directory;
    }

    public Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return Optional.empty();
        }
        return byUsername(authentication.getName());
    }

    public Optional<CurrentUser> byUsername(String username) {
        return Optional.ofNullable(cache.get(username, name -> directory.userByUsername(name)
            .filter(UserSummary::enabled)
            .map(u -> new CurrentUser(u.id(), u.username(), u.displayName(), u.roles(), u.teamIds()))
            .orElse(null)));
    }

    @ApplicationModuleListener
    void on(UserRolesChanged event) {
        cache.invalidate(event.username());
    }

    @ApplicationModuleListener
    void on(UserChanged event) {
        cache.invalidate(event.username());
    }
}
