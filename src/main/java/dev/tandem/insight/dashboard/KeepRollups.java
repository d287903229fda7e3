package dev.tandem.insight.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import dev.tandem.ai.LowPriority;
import dev.tandem.escalation.ConversationEscalated;
import dev.tandem.escalation.EscalationReason;
import dev.tandem.insight.ConversationOutcomeRecorded;

/**
 * Keeps the rollups in step with the conversation-level events, after the fact and at low priority: an outcome
 * judged or changed (at a handoff, a resolution, a reopen, a rating, a ledger entry or its reversal, or when the
 * conversation went quiet) and an escalation's reasons. Never per message. Each event derives the conversation's
 * contribution from the sources as they are now and moves the rollups by the difference from the stored one, so a
 * redelivered or late event changes nothing that is already counted.
 */
@Component
class KeepRollups {

    private final ContributionSources sources;
    private final Rollups rollups;
    private final Clock clock;

    KeepRollups(ContributionSources sources, Rollups rollups, Clock clock) {
        this.sources = sources;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Async(LowPriority.EXECUTOR)
    @ApplicationModuleListener
    void on(ConversationOutcomeRecorded recorded) {
        refresh(recorded.conversationId());
    }

    @Async(LowPriority.EXECUTOR)
    @ApplicationModuleListener
    void on(ConversationEscalated escalated) {
        escalatedFor(escalated.conversationId(), escalated.reasons(), escalated.at());
    }

    /** Keeps the reasons (a source of the rollups) and counts them when one is new. */
    void escalatedFor(UUID conversationId, Collection<EscalationReason> reasons, Instant at) {
        if (sources.escalated(conversationId, reasons.stream().map(EscalationReason::name).toList(), at)) {
            refresh(conversationId);
        }
    }

    /** Brings one conversation's contribution up to date; inside the listener's transaction. */
    void refresh(UUID conversationId) {
        Optional<Contribution> stored = rollups.lock(conversationId);
        Optional<Contribution> now = Optional.ofNullable(sources.of(List.of(conversationId)).get(conversationId));
        rollups.replace(stored, now, clock.instant());
    }
}
