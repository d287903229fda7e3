package dev.tandem.identity;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password sign-in (form and HTTP Basic) guarded by the {@link SignInThrottle}. */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle) {
        super(users);
        setPasswordEncoder(passwords);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String remoteIp = remoteIp(authentication);
        if (throttle.isBlocked(username, remoteIp)) {
            throw new LockedException("Too many failed sign-ins. Try again in "
                    + throttle.window().toMinutes() + " minutes.");
        }
        try {
            return super.authenticate(authentication);
        }
        catch (BadCredentialsException e) {
            throttle.recordFailure(username, remoteIp);
            throw e;
        }
    }

    static String remoteIp(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : "unknown";
    }
}
