package dev.tandem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/** A server-sent event stream read on its own thread; events queue up until the test takes them. */
public final class SseEvents {

    public record Event(String name, String id, String data) {

        public JsonNode json() {
            return TestApi.JSON.readTree(data);
        }
    }

    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    public SseEvents(Stream<String> lines) {
        Thread reader = new Thread(() -> {
            String name = "message";
            String id = null;
            var data = new StringBuilder();
            try {
                for (var iterator = lines.iterator(); iterator.hasNext();) {
                    String line = iterator.next();
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            queue.add(new Event(name, id, data.toString()));
                        }
                        name = "message";
                        id = null;
                        data.setLength(0);
                    }
                    else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    }
                    else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    }
                    else if (line.startsWith("data:")) {
                        data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                    }
                }
            }
            catch (RuntimeException closed) {
                // the test closed the stream
            }
            finally {
                ended.countDown();
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next event matching, skipping others; fails after ten seconds without one. */
    public Event next(Predicate<Event> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Event event = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            seen.add(event);
            if (matching.test(event)) {
                return event;
            }
        }
        throw new AssertionError("No matching event within 10 s; seen " + seen);
    }

    public CountDownLatch ended() {
        return ended;
    }

    public List<Event> seen() {
        Event event;
        while ((event = queue.poll()) != null) {
            seen.add(event);
        }
        return seen;
    }
}
