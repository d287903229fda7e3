package dev.tandem.northwind;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Makes the demo back end misbehave on purpose, the way real systems do: an operation answers late
 * (after it has done its work, which is the case that tempts a client to do it twice). For showing and
 * testing what the procedures do when a company's system is slow; nothing in production calls it.
 */
@Component
public class BackendFaults {

    private record Slowness(Duration delay, int times) {
    }

    private final Map<String, Slowness> slow = new ConcurrentHashMap<>();

    /** The next {@code times} answers of {@code operation} (e.g. {@code refund}) come {@code delay} late. */
    public void slowDown(String operation, Duration delay, int times) {
        slow.put(operation, new Slowness(delay, times));
    }

    public void clear() {
        slow.clear();
    }

    /** The delay to apply to this answer of {@code operation}, counting it. */
    Duration delayFor(String operation) {
        Slowness[] taken = new Slowness[1];
        slow.computeIfPresent(operation, (name, s) -> {
            taken[0] = s;
            return s.times() <= 1 ? null : new Slowness(s.delay(), s.times() - 1);
        });
        return taken[0] == null ? Duration.ZERO : taken[0].delay();
    }
}
