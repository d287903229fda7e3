package dev.tandem.identity;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final UserDirectory directory;

    AccountDetailsService(UserRepository users, UserDirectory directory) {
        this.users = users;
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase();
        var stored = users.findByUsername(normalised).orElseThrow(() -> new UsernameNotFoundException(normalised));
        var summary = directory.userByUsername(normalised).orElseThrow(() -> new UsernameNotFoundException(normalised));
        return User.withUsername(stored.username())
            .password(stored.passwordHash())
            .disabled(!stored.enabled())
            .roles(summary.roles().stream().map(Role::name).toArray(String[]::new))
            .build();
    }
}
