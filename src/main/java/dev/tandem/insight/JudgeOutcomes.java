package dev.tandem.insight;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.ai.LowPriority;
import dev.tandem.conversation.ConversationReopened;
import dev.tandem.conversation.ConversationResolved;
import dev.tandem.conversation.HandoffRequested;
import dev.tandem.procedures.ProcedureCompleted;

/**
 * Judges a conversation's outcome at its conversation-level events (handoff, resolution, reopen, a completed
 * procedure), never per message: the customer's messages pay nothing for outcomes. After the event's transaction,
 * on the low-priority executor, like the summaries; the event's own time dates the evidence, so evidence recorded
 * late still falls inside (or outside) a ledger window where it happened. Quiet conversations are judged by the
 * sweep ({@link OutcomeSweep}).
 */
@Component
class JudgeOutcomes {

    private final RecordOutcomes outcomes;
    private final RatingEmails ratingEmails;
    private final InsightProperties.Outcomes settings;

    JudgeOutcomes(RecordOutcomes outcomes, RatingEmails ratingEmails, InsightProperties properties) {
        this.outcomes = outcomes;
        this.ratingEmails = ratingEmails;
        this.settings = properties.outcomes();
    }

    @Async(LowPriority.EXECUTOR)
    @TransactionalEventListener
    void on(HandoffRequested handoff) {
        if (settings.enabled()) {
            outcomes.record(handoff.conversationId(), Evidence.Kind.HANDOFF, handoff.at(), null);
        }
    }

    @Async(LowPriority.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationResolved resolved) {
        if (settings.enabled()) {
            outcomes.record(resolved.conversationId());
        }
        ratingEmails.ask(resolved.conversationId(), resolved.at());
    }

    @Async(LowPriority.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationReopened reopened) {
        if (settings.enabled()) {
            outcomes.record(reopened.conversationId(), Evidence.Kind.REOPENED, reopened.at(), reopened.by());
        }
    }

    @Async(LowPriority.EXECUTOR)
    @TransactionalEventListener
    void on(ProcedureCompleted completed) {
        if (settings.enabled()) {
            outcomes.record(completed.conversationId(), Evidence.Kind.PROCEDURE_COMPLETED, completed.completedAt(),
                    completed.procedure());
        }
    }
}
