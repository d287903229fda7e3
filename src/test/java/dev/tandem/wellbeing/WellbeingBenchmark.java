package dev.tandem.wellbeing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * What wellbeing adds to an automatic assignment (routing asks {@link AgentStates} about every candidate) and what
 * computing one agent's figures costs once the rows are read. One thread, sequential calls. Not a test: run it by
 * hand (see docs/benchmarks.md).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.wellbeing.WellbeingBenchmark [calls]
 * </pre>
 */
public final class WellbeingBenchmark {

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Instant now = Instant.parse("2030-03-04T16:00:00Z");
        var properties = new WellbeingProperties(null, null, null, null, null, null, null);
        // no repositories: the benchmark fills the memory the refresh would fill
        var states = new AgentStates(null, null, properties, Clock.fixed(now, ZoneOffset.UTC));
        List<UUID> agents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID agent = UUID.randomUUID();
            agents.add(agent);
            if (i % 10 == 0) {
                states.spareUntil(agent, now.plus(Duration.ofMinutes(30)));
            }
        }
        List<UUID> conversations = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            UUID conversation = UUID.randomUUID();
            conversations.add(conversation);
            if (i % 5 == 0) {
                states.difficult(conversation, Difficulty.ABUSE);
            }
        }
        System.out.printf("%d calls per series after %d warm-up calls, one thread; 200 agents (20 to spare), "
                + "10,000 conversations remembered (2,000 difficult)%n", calls, calls / 5);
        series("advice per candidate: paused + spare", calls, i -> {
            UUID agent = agents.get(i % agents.size());
            if (!states.paused(agent)) {
                states.spare(agent, conversations.get(i % conversations.size()), List.of());
            }
        });

        // a busy agent's week: 60 contacts a day, one in four difficult
        List<Contacts.Contact> week = new ArrayList<>();
        for (int i = 0; i < 420; i++) {
            Instant start = now.minus(Duration.ofMinutes(24L * i));
            week.add(new Contacts.Contact(UUID.randomUUID(), agents.get(0), UUID.randomUUID(), start,
                    i == 0 ? null : start.plus(Duration.ofMinutes(12)),
                    i % 4 == 0 ? EnumSet.of(Difficulty.FRUSTRATION) : Set.of(), null));
        }
        List<OnlineTime.Stretch> online = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            Instant start = now.minus(Duration.ofDays(day)).minus(Duration.ofHours(9));
            online.add(new OnlineTime.Stretch(start, start.plus(Duration.ofHours(8))));
        }
        series("figures of one agent, 3 windows, a week of 420 contacts (rows already read)", calls / 100, i -> {
            for (Duration window : properties.windows()) {
                AgentFigures.window(window, now, week, online);
            }
        });
    }

    private static void series(String name, int calls, IntConsumer call) {
        for (int i = 0; i < calls / 5; i++) {
            call.accept(i);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-80s p50 %8.2f µs  p99 %8.2f µs  max %8.2f µs%n", name, nanos[calls / 2] / 1000.0,
                nanos[(int) (calls * 0.99)] / 1000.0, nanos[calls - 1] / 1000.0);
    }
}
