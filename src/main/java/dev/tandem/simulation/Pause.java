package dev.tandem.simulation;

import java.time.Duration;

/** Waiting for the server is the simulation's job: a customer waits for a reply. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Http.Failure("interrupted");
        }
    }
}
