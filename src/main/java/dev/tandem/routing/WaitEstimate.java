package dev.tandem.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tandem.escalation.Priority;

/**
 * Roughly how long until a person replies: the median first-response time of the last week when
 * there are enough answered waits to say (at least {@value #ENOUGH}), else the priority's target.
 * The median rather than the mean, so that one wait over a weekend does not promise everyone an hour.
 * Never more than the target for an urgent or high-priority conversation: those are answered first.
 */
final class WaitEstimate {

    static final int ENOUGH = 5;
    static final Duration WINDOW = Duration.ofDays(7);

    private WaitEstimate() {
    }

    /** Whole minutes, at least one. */
    static long minutes(List<Duration> recentWaits, Priority priority, Duration target) {
        Duration estimate = target;
        if (recentWaits.size() >= ENOUGH) {
            List<Duration> sorted = recentWaits.stream().sorted().toList();
            Duration median = sorted.get(sorted.size() / 2);
            estimate = priority == Priority.NORMAL ? median : min(median, target);
        }
        long seconds = Math.max(estimate.toSeconds(), 1);
        return Math.max(1, (seconds + 59) / 60);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static Instant since(Instant now) {
        return now.minus(WINDOW);
    }
}
