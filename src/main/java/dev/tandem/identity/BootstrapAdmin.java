package dev.tandem.identity;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On the very first start the workspace needs someone who can sign in: the admin {@code admin},
 * with the password from {@code TANDEM_BOOTSTRAP_ADMIN_PASSWORD} or a generated one printed once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BootstrapAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserRepository users;
    private final UserAccounts accounts;
    private final IdentityProperties properties;

    BootstrapAdmin(UserRepository users, UserAccounts accounts, IdentityProperties properties) {
        this.users = users;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String given = properties.bootstrapAdminPassword();
        String password = given == null || given.isBlank() ? UserAccounts.generatePassword() : given;
        try {
            accounts.create(new UserAccounts.NewUser(USERNAME, "Administrator", null, password, Set.of(Role.ADMIN),
                    Set.of(), Set.of("en"), Set.of(), 5), "system");
        }
        catch (DuplicateKeyException anotherNodeWasFaster) {
            return;
        }
        if (given == null || given.isBlank()) {
            log.warn("""

                    ==================================================================
                      First start: created the admin user '{}' with password
                          {}
                      This is shown only once. Sign in and change it, or set
                      TANDEM_BOOTSTRAP_ADMIN_PASSWORD before the first start.
                    ==================================================================""", USERNAME, password);
        }
        else {
            log.info("First start: created the admin user '{}' with the password from TANDEM_BOOTSTRAP_ADMIN_PASSWORD",
                    USERNAME);
        }
    }

}
