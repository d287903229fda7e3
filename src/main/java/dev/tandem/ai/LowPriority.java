package dev.tandem.ai;

/**
 * Model work that serves only later analysis (reading every message for reports and routing, warming
 * the vectors of the assistant's replies) runs on one thread of its own, {@link #EXECUTOR}, at the lowest
 * CPU priority ({@link CpuPriority#ANALYSIS}), so that under load it neither takes the processor from the
 * customers' messages and the assistant's turns nor delays the other module listeners (the audit log)
 * queued with it: it falls behind and catches up. Its queue is
 * bounded; a listener whose task does not fit stays an incomplete event publication and is handed over
 * again later ({@code tandem.events.retry-interval}).
 */
public final class LowPriority {

    /** The bean name of the executor, for {@code @Async(LowPriority.EXECUTOR)}. */
    public static final String EXECUTOR = "lowPriorityModelWork";

    private LowPriority() {
    }
}
