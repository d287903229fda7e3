package dev.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.tandem.identity.IdentityEvents.SignInFailed;

/** The audit module records what other modules announce, after their transaction committed. */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class AuditModuleTest {

    @Autowired
    AuditLog log;

    @Test
    void aFailedSignInIsRecorded(Scenario scenario) {
        String username = "intruder-" + UUID.randomUUID().toString().substring(0, 8);

        scenario.publish(new SignInFailed(username, "203.0.113.9", "Bad credentials", Instant.now()))
            .andWaitForStateChange(() -> log.find(new AuditLog.Query(username, "SIGN_IN_FAILED", 10, 0)),
                    entries -> !entries.isEmpty())
            .andVerify(entries -> {
                assertThat(entries).singleElement().satisfies(entry -> {
                    assertThat(entry.remoteIp()).isEqualTo("203.0.113.9");
                    assertThat(entry.detail()).isEqualTo("Bad credentials");
                });
            });
    }
}
