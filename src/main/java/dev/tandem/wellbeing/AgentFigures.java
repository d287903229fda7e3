package dev.tandem.wellbeing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.UserSummary;
import dev.tandem.wellbeing.Intervention.Kind;
import dev.tandem.wellbeing.Intervention.Status;

/**
 * Computes an agent's figures from the contacts and online stretches recorded from events: three queries for every
 * window together, computed when someone looks, never kept up to date per message.
 */
@Service
@Transactional(readOnly = true)
class AgentFigures {

    private final WellbeingProperties properties;
    private final Contacts contacts;
    private final OnlineTime online;
    private final Interventions interventions;
    private final Clock clock;

    AgentFigures(WellbeingProperties properties, Contacts contacts, OnlineTime online, Interventions interventions,
            Clock clock) {
        this.properties = properties;
        this.contacts = contacts;
        this.online = online;
        this.interventions = interventions;
        this.clock = clock;
    }

    AgentWellbeing of(UserSummary agent) {
        Instant now = clock.instant();
        Instant from = now.minus(properties.longestWindow());
        List<Contacts.Contact> all = contacts.ofAgent(agent.id(), from);
        List<OnlineTime.Stretch> stretches = online.of(agent.id(), from);
        List<AgentWellbeing.Window> windows = properties.windows().stream()
            .sorted()
            .map(window -> window(window, now, all, stretches))
            .toList();
        List<Intervention> made = interventions.ofAgent(agent.id(), from);
        Instant onBreakUntil = made.stream().filter(i -> i.kind() == Kind.BREAK && i.inEffect(now))
            .map(Intervention::until).max(Comparator.naturalOrder()).orElse(null);
        Intervention pending = made.stream().filter(i -> i.kind() == Kind.BREAK && i.status() == Status.SUGGESTED)
            .findFirst().orElse(null);
        int openNow = (int) all.stream().filter(c -> c.endedAt() == null).count();
        return new AgentWellbeing(agent.id(), agent.displayName(), now, openNow, windows, onBreakUntil, pending, made);
    }

    static AgentWellbeing.Window window(Duration length, Instant now, List<Contacts.Contact> all,
            List<OnlineTime.Stretch> stretches) {
        Instant from = now.minus(length);
        List<Contacts.Contact> in = all.stream()
            .filter(c -> c.startedAt().isBefore(now) && (c.endedAt() == null || !c.endedAt().isBefore(from)))
            .toList();
        List<Contacts.Contact> ended = in.stream().filter(c -> c.endedAt() != null).toList();
        List<Contacts.Contact> difficult = ended.stream().filter(Contacts.Contact::difficult).toList();
        Map<Difficulty, Integer> byKind = new EnumMap<>(Difficulty.class);
        difficult.forEach(c -> c.difficulty().forEach(kind -> byKind.merge(kind, 1, Integer::sum)));
        List<Double> handle = ended.stream()
            .map(c -> Duration.between(c.startedAt(), c.endedAt()).toMillis() / 60_000.0)
            .sorted().toList();
        long onlineMillis = stretches.stream()
            .mapToLong(s -> overlap(s.startedAt(), s.endedAt() == null ? now : s.endedAt(), from, now))
            .sum();
        return new AgentWellbeing.Window(Words.duration(length), length.toMinutes(), in.size(), difficult.size(), byKind,
                peak(in, from, now), round(onlineMillis / 60_000.0), median(handle),
                round(handle.stream().mapToDouble(Double::doubleValue).sum()));
    }

    /** The most contacts open at once between {@code from} and {@code now}: a sweep over their starts and ends. */
    static int peak(List<Contacts.Contact> contacts, Instant from, Instant now) {
        record Edge(Instant at, int change) {
        }
        List<Edge> edges = new ArrayList<>();
        for (Contacts.Contact c : contacts) {
            edges.add(new Edge(c.startedAt().isBefore(from) ? from : c.startedAt(), 1));
            edges.add(new Edge(c.endedAt() == null ? now : c.endedAt(), -1));
        }
        // an end and a start at the same instant are a hand-over, not two at once
        edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::change));
        int open = 0;
        int peak = 0;
        for (Edge edge : edges) {
            open += edge.change();
            peak = Math.max(peak, open);
        }
        return peak;
    }

    private static long overlap(Instant start, Instant end, Instant from, Instant to) {
        Instant a = start.isBefore(from) ? from : start;
        Instant b = end.isAfter(to) ? to : end;
        return b.isAfter(a) ? Duration.between(a, b).toMillis() : 0;
    }

    private static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int mid = sorted.size() / 2;
        double m = sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
        return round(m);
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }
}
