package dev.tandem.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapAdminPassword password of the first admin {@code admin} on first start
 *        ({@code TANDEM_BOOTSTRAP_ADMIN_PASSWORD}); generated and logged once when empty
 * @param signInAttempts failed sign-ins allowed per user name within {@code signInWindow}
 * @param signInAttemptsPerIp failed sign-ins allowed per client address within {@code signInWindow}
 * @param signInWindow the window of the two limits above
 */
@ConfigurationProperties("tandem")
record IdentityProperties(String bootstrapAdminPassword, Integer signInAttempts, Integer signInAttemptsPerIp,
        Duration signInWindow) {

    IdentityProperties {
        signInAttempts = signInAttempts == null ? 5 : signInAttempts;
        signInAttemptsPerIp = signInAttemptsPerIp == null ? 30 : signInAttemptsPerIp;
        signInWindow = signInWindow == null ? Duration.ofMinutes(15) : signInWindow;
    }
}
