package dev.tandem.insight;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.tandem.escalation.HandoffPacket;
import dev.tandem.escalation.HandoffSummaries;

/** Puts the current summary into the handoff packet. */
@Component
class SummaryHandoff implements HandoffSummaries {

    private final SummaryStore store;

    SummaryHandoff(SummaryStore store) {
        this.store = store;
    }

    @Override
    public Optional<HandoffPacket.Summary> of(UUID conversationId) {
        return store.latest(conversationId).map(SummaryHandoff::inPacket);
    }

    static HandoffPacket.Summary inPacket(Summary summary) {
        return new HandoffPacket.Summary(summary.version(), summary.source().name(), summary.reason(),
                summary.details().stream().map(d -> new HandoffPacket.Fact(d.type(), d.value())).toList(),
                summary.actions(), summary.outcome().status().name(), summary.outcome().note(),
                summary.outcome().customerFeedback(), summary.followUps(), summary.editedBy(), summary.createdAt());
    }
}
