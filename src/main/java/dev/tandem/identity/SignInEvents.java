package dev.tandem.identity;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.IdentityEvents.SignInFailed;
import dev.tandem.identity.IdentityEvents.UserSignedIn;
import dev.tandem.identity.IdentityEvents.UserSignedOut;

/**
 * Translates Spring Security's authentication events into the module's own events. Only
 * interactive sign-ins count as sign-ins: an API call with HTTP Basic authenticates on every
 * request and would flood the audit log.
 */
@Component
class SignInEvents {

    private final ApplicationEventPublisher events;
    private final UserDirectory directory;
    private final Clock clock;

    SignInEvents(ApplicationEventPublisher events, UserDirectory directory, Clock clock) {
        this.events = events;
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(InteractiveAuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        events.publishEvent(new UserSignedIn(authentication.getName(),
                ThrottledAuthenticationProvider.remoteIp(authentication), clock.instant()));
    }

    @EventListener
    @Transactional
    void on(AbstractAuthenticationFailureEvent event) {
        var authentication = event.getAuthentication();
        events.publishEvent(new SignInFailed(authentication.getName(),
                ThrottledAuthenticationProvider.remoteIp(authentication), event.getException().getMessage(),
                clock.instant()));
    }

    @EventListener
    @Transactional
    void on(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        events.publishEvent(new UserSignedOut(directory.userByUsername(username).map(UserSummary::id).orElse(null),
                username, clock.instant()));
    }
}
