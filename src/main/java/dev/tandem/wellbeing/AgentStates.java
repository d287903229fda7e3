package dev.tandem.wellbeing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tandem.escalation.EscalationReason;
import dev.tandem.routing.AssignmentAdvice;

/**
 * What routing asks for every candidate of every automatic assignment, answered from this node's memory: who is on
 * a break, who gets difficult conversations only when nobody else can take them, and which waiting conversations
 * are difficult. Each node re-reads it all every {@code tandem.wellbeing.refresh-every} (two small queries) and
 * updates it for the changes it makes itself as soon as they commit; routing never waits for a query of ours.
 */
@Component
class AgentStates implements AssignmentAdvice {

    /** How long a conversation's difficulty is remembered for routing: longer than any wait in a queue. */
    private static final Duration SIGNALS_KEPT = Duration.ofDays(1);

    private record State(Map<UUID, Instant> breakUntil, Map<UUID, Instant> spareUntil,
            Map<UUID, Set<Difficulty>> difficultConversations) {
    }

    private final Interventions interventions;
    private final Signals signals;
    private final Set<Difficulty> counted;
    private final boolean enabled;
    private final Clock clock;
    private volatile State state = new State(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
            new ConcurrentHashMap<>());
    /** Guards the refresh's swap against this node's own changes; routing reads {@link #state} without it. */
    private final Object swap = new Object();
    /** This node's own changes so far (guarded by {@link #swap}). */
    private long changes;

    AgentStates(Interventions interventions, Signals signals, WellbeingProperties properties, Clock clock) {
        this.interventions = interventions;
        this.signals = signals;
        this.counted = properties.difficult().kinds();
        this.enabled = properties.enabled();
        this.clock = clock;
    }

    @Override
    public boolean paused(UUID agentId) {
        Instant until = state.breakUntil().get(agentId);
        return until != null && until.isAfter(clock.instant());
    }

    @Override
    public boolean spare(UUID agentId, UUID conversationId, List<EscalationReason> reasons) {
        Instant until = state.spareUntil().get(agentId);
        if (until == null || !until.isAfter(clock.instant())) {
            return false;
        }
        boolean escalatedForIt = reasons.stream().map(Difficulty::of).flatMap(java.util.Optional::stream)
            .anyMatch(counted::contains);
        return escalatedForIt || state.difficultConversations().getOrDefault(conversationId, Set.of()).stream()
            .anyMatch(counted::contains);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${tandem.wellbeing.refresh-every:PT10S}", initialDelayString = "PT10S")
    void refresh() {
        if (!enabled) {
            return;
        }
        long changesBefore;
        synchronized (swap) {
            changesBefore = changes;
        }
        Instant now = clock.instant();
        Map<UUID, Instant> breaks = new ConcurrentHashMap<>();
        Map<UUID, Instant> spare = new ConcurrentHashMap<>();
        for (Intervention i : interventions.inEffect(now)) {
            (i.kind() == Intervention.Kind.BREAK ? breaks : spare).merge(i.agentId(), i.until(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<UUID, Set<Difficulty>> difficult = new ConcurrentHashMap<>(signals.since(now.minus(SIGNALS_KEPT)));
        synchronized (swap) {
            // a change of this node's own made after the queries began may be missing from what they read: keep the
            // memory as it is, the next round reads it from the database
            if (changes == changesBefore) {
                state = new State(breaks, spare, difficult);
            }
        }
    }

    void onBreak(UUID agentId, Instant until) {
        change(now -> {
            if (until == null) {
                now.breakUntil().remove(agentId);
            }
            else {
                now.breakUntil().put(agentId, until);
            }
        });
    }

    void spareUntil(UUID agentId, Instant until) {
        change(now -> now.spareUntil().put(agentId, until));
    }

    void difficult(UUID conversationId, Difficulty kind) {
        // a fresh set each time: routing may be reading the old one
        change(now -> now.difficultConversations().merge(conversationId, EnumSet.of(kind), (had, added) -> {
            Set<Difficulty> both = EnumSet.copyOf(had);
            both.addAll(added);
            return both;
        }));
    }

    /**
     * Applies one of this node's changes to the memory once its transaction committed (at once without one), so that
     * routing never acts on something that was rolled back, and so that a refresh whose queries ran before the commit
     * cannot overwrite it.
     */
    private void change(Consumer<State> change) {
        Runnable apply = () -> {
            synchronized (swap) {
                changes++;
                change.accept(state);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply.run();
                }
            });
        }
        else {
            apply.run();
        }
    }
}
