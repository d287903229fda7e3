package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tandem.escalation.Priority;

/** SLA targets, the wait estimate the customer is told, and business hours. */
class FirstResponseTargetsTest {

    private final RoutingProperties.Sla sla = new RoutingProperties.Sla(null, null, null);

    @Test
    void targetsByPriorityWithDefaults() {
        assertThat(sla.target(Priority.URGENT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(sla.target(Priority.HIGH)).isEqualTo(Duration.ofMinutes(5));
        assertThat(sla.target(Priority.NORMAL)).isEqualTo(Duration.ofMinutes(15));
        assertThat(new RoutingProperties.Sla(Duration.ofSeconds(30), null, null).target(Priority.URGENT))
            .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theEstimateIsTheTargetUntilThereAreEnoughRecentWaits() {
        assertThat(WaitEstimate.minutes(List.of(), Priority.NORMAL, sla.normal())).isEqualTo(15);
        assertThat(WaitEstimate.minutes(List.of(Duration.ofMinutes(1)), Priority.HIGH, sla.high())).isEqualTo(5);
    }

    @Test
    void theEstimateIsTheMedianOfRecentWaitsRoundedUp() {
        var waits = List.of(Duration.ofSeconds(30), Duration.ofSeconds(200), Duration.ofSeconds(250),
                Duration.ofMinutes(5), Duration.ofHours(3));
        assertThat(WaitEstimate.minutes(waits, Priority.NORMAL, sla.normal())).isEqualTo(5); // 250 s → 5 min
        // urgent conversations jump the queue: never promised more than their target
        var slow = List.of(Duration.ofMinutes(20), Duration.ofMinutes(25), Duration.ofMinutes(30),
                Duration.ofMinutes(35), Duration.ofMinutes(40));
        assertThat(WaitEstimate.minutes(slow, Priority.URGENT, sla.urgent())).isEqualTo(2);
        assertThat(WaitEstimate.minutes(slow, Priority.NORMAL, sla.normal())).isEqualTo(30);
        assertThat(WaitEstimate.minutes(List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ZERO), Priority.NORMAL, sla.normal())).isEqualTo(1);
    }

    @Test
    void businessHoursOpenAndClose() {
        var hours = new OpeningHours(new RoutingProperties.BusinessHours(true, ZoneId.of("Europe/Madrid"), null, null,
                null));
        // Wednesday 2026-11-04: 09:00 in Madrid is 08:00 UTC
        assertThat(hours.openAt(Instant.parse("2026-11-04T08:00:00Z"))).isTrue();
        assertThat(hours.openAt(Instant.parse("2026-11-04T07:59:59Z"))).isFalse();
        assertThat(hours.openAt(Instant.parse("2026-11-04T16:00:00Z"))).isFalse(); // 17:00 closes
        assertThat(hours.openAt(Instant.parse("2026-11-07T10:00:00Z"))).isFalse(); // Saturday
        assertThat(hours.describe("en")).isEqualTo("Monday–Friday 09:00–17:00 (Europe/Madrid)");
        assertThat(hours.describe("es")).isEqualTo("lunes–viernes 09:00–17:00 (Europe/Madrid)");
    }

    @Test
    void withoutBusinessHoursItIsAlwaysOpenAndWithNoDaysNever() {
        assertThat(new OpeningHours(new RoutingProperties.BusinessHours(null, null, null, null, null))
            .openAt(Instant.parse("2026-11-07T03:00:00Z"))).isTrue();
        assertThat(new OpeningHours(new RoutingProperties.BusinessHours(true, null, Set.of(), null, null))
            .openAt(Instant.parse("2026-11-04T10:00:00Z"))).isFalse();
    }

    @Test
    void theCustomerIsToldInTheirLanguage() {
        assertThat(WaitNotices.usualWait(5, "es")).contains("5 minutos");
        assertThat(WaitNotices.usualWait(1, "de")).contains("einer Minute");
        assertThat(WaitNotices.usualWait(12, "xx")).isEqualTo("A member of our team usually replies within 12 minutes.");
        assertThat(WaitNotices.closed("Monday–Friday 09:00–17:00 (UTC)", "en")).contains("Nobody").contains("email")
            .contains("Monday–Friday");
    }
}
