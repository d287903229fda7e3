import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a Spring Boot application's start-up goes, without changing the application: runs its main class
 * with Spring's {@link BufferingApplicationStartup} and prints, once the application is ready, the phases
 * (JVM to SpringApplication, context refresh, runners) and the startup steps with the largest self time
 * (a step's own duration minus its children's: bean instantiation by bean name, auto-configuration
 * processing, ...); with {@code --tree=MS}, also the tree of the steps that took at least MS in all.
 *
 * <pre>
 * java -Djarmode=tools -jar target/tandem.jar extract --destination /tmp/tandem-x
 * TANDEM_DATA_DIR=$(mktemp -d) java -cp '/tmp/tandem-x/tandem.jar:/tmp/tandem-x/lib/*' bench/StartupProfile.java \
 *     [--top=40] [--tree=200] [--main=dev.tandem.TandemApplication] [application arguments]
 * </pre>
 *
 * The source launcher's compile happens before the application's main is called and is reported apart.
 * The application keeps running afterwards (stop it with Ctrl-C) so that its background work can be timed
 * from the log.
 */
public class StartupProfile {

    public static void main(String[] args) throws Exception {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        int top = 40;
        long treeMs = -1;
        String mainClass = "dev.tandem.TandemApplication";
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--top=")) {
                top = Integer.parseInt(arg.substring(6));
            } else if (arg.startsWith("--tree=")) {
                treeMs = Long.parseLong(arg.substring(7));
            } else if (arg.startsWith("--main=")) {
                mainClass = arg.substring(7);
            } else {
                appArgs.add(arg);
            }
        }
        long beforeRun = System.currentTimeMillis();
        SpringApplication application = new SpringApplication(Class.forName(mainClass));
        BufferingApplicationStartup startup = new BufferingApplicationStartup(500_000);
        application.setApplicationStartup(startup);
        AtomicLong started = new AtomicLong();
        AtomicLong ready = new AtomicLong();
        application.addListeners(event -> {
            if (event instanceof ApplicationStartedEvent) {
                started.set(System.currentTimeMillis());
            } else if (event instanceof ApplicationReadyEvent) {
                ready.set(System.currentTimeMillis());
            }
        });
        application.run(appArgs.toArray(String[]::new));

        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Long> childNanos = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childNanos.merge(parent, event.getDuration().toNanos(), Long::sum);
            }
        }
        record Self(String name, long selfNanos, long totalNanos) {
        }
        Map<String, long[]> byName = new HashMap<>();
        List<Self> steps = new ArrayList<>();
        for (TimelineEvent event : events) {
            StartupStep step = event.getStartupStep();
            long total = event.getDuration().toNanos();
            long self = total - childNanos.getOrDefault(step.getId(), 0L);
            StringBuilder name = new StringBuilder(step.getName());
            for (StartupStep.Tag tag : step.getTags()) {
                if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")
                        || tag.getKey().equals("beanType") && !name.toString().contains("beanName")) {
                    name.append(' ').append(tag.getKey()).append('=').append(tag.getValue());
                }
            }
            steps.add(new Self(name.toString(), self, total));
            long[] sum = byName.computeIfAbsent(step.getName(), k -> new long[2]);
            sum[0] += self;
            sum[1]++;
        }
        System.out.printf("%n==== start-up profile (%s) ====%n", mainClass);
        System.out.printf("JVM start -> main of the application: %,d ms (includes the source launcher's compile)%n",
                beforeRun - jvmStartMs);
        System.out.printf("main -> ApplicationStartedEvent (context refreshed): %,d ms%n", started.get() - beforeRun);
        System.out.printf("ApplicationStartedEvent -> ApplicationReadyEvent (runners): %,d ms%n",
                ready.get() - started.get());
        System.out.printf("%nself time by step name (ms, count):%n");
        byName.entrySet().stream()
            .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
            .limit(15)
            .forEach(e -> System.out.printf("%10.1f %6d  %s%n", e.getValue()[0] / 1e6, e.getValue()[1], e.getKey()));
        System.out.printf("%ntop %d steps by self time (ms self / ms total):%n", top);
        steps.stream()
            .sorted((a, b) -> Long.compare(b.selfNanos(), a.selfNanos()))
            .limit(top)
            .forEach(s -> System.out.printf("%10.1f %10.1f  %s%n", s.selfNanos() / 1e6, s.totalNanos() / 1e6, s.name()));
        if (treeMs >= 0) {
            long minimumMs = treeMs;
            System.out.printf("%ntree of the steps of %d ms or more (ms total / ms self):%n", treeMs);
            Map<Long, Long> parents = new HashMap<>();
            events.forEach(e -> parents.put(e.getStartupStep().getId(), e.getStartupStep().getParentId()));
            Map<Long, Integer> depth = new HashMap<>();
            for (TimelineEvent event : events) {
                int d = 0;
                for (Long p = event.getStartupStep().getParentId(); p != null; p = parents.get(p)) {
                    d++;
                }
                depth.put(event.getStartupStep().getId(), d);
            }
            // events are in order of completion; print in order of start
            events.stream()
                .filter(e -> e.getDuration().toMillis() >= minimumMs)
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                .forEach(e -> {
                    Self self = steps.get(events.indexOf(e));
                    System.out.printf("%10.1f %10.1f  %s%s%n", self.totalNanos() / 1e6, self.selfNanos() / 1e6,
                            "  ".repeat(Math.max(0, depth.get(e.getStartupStep().getId()))), self.name());
                });
        }
        System.out.printf("==== end of profile; %s ====%n", Duration.ofMillis(System.currentTimeMillis() - jvmStartMs));
    }
}
