package dev.tandem.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread, so that model work yields the processor to the threads
 * that store customers' messages whenever both want it, and takes all of it when they do not.
 *
 * <p>Java's {@link Thread#setPriority} does nothing on Linux unless the JVM runs as root with
 * {@code -XX:ThreadPriorityPolicy=1}. Linux schedules threads individually, though, and lets any
 * process raise the nice value of its own threads (lower their priority) without privileges: this sets
 * the calling thread's nice value with {@code renice}, addressed by its thread id from
 * {@code /proc/thread-self}. With the default scheduler a thread at nice 5 gets about a third of the
 * share of one at nice 0 when both are busy, one at nice 15 about a thirtieth. Elsewhere (no
 * {@code /proc/thread-self}, no {@code renice}) it does nothing: the work is then bounded only by the
 * number of threads that do it.
 */
public final class CpuPriority {

    /** The assistant's turns: behind storing messages, ahead of analysis. */
    public static final int ASSISTANT = 5;
    /** Work that serves only later analysis: it runs when nothing else wants the processor. */
    public static final int ANALYSIS = 15;

    private static final Logger log = LoggerFactory.getLogger(CpuPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private CpuPriority() {
    }

    /** Sets the calling thread's nice value (0 normal, 19 lowest); never fails. */
    public static void lowerCurrentThread(int niceness) {
        try {
            if (!Files.isSymbolicLink(THREAD_SELF)) {
                return;
            }
            // "/proc/thread-self" -> "<pid>/task/<tid>"
            String threadId = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(niceness), "-p", threadId)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroy();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not lower the CPU priority of thread {}: {}", Thread.currentThread().getName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
