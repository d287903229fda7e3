package dev.tandem.insight;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.ai.LowPriority;
import dev.tandem.conversation.ConversationResolved;
import dev.tandem.conversation.HandoffRequested;

/**
 * Summarises a conversation when it is handed to a person (the customer's request and the assistant's
 * escalation both end in {@link HandoffRequested}) and when it is resolved. After the event's transaction and
 * off every request, as low-priority model work ({@link LowPriority}): a summary is for the people who read it
 * later and must never delay a customer's message or an assistant's turn. No transaction around it, as the
 * chat model may take seconds (each statement commits on its own). An event handed over again (a retry after a
 * failure or a restart) adds no second version: each version records the event it was made for.
 */
@Component
class SummariseConversations {

    private final Summaries summaries;
    private final InsightProperties.Summaries settings;

    SummariseConversations(Summaries summaries, InsightProperties properties) {
        this.summaries = summaries;
        this.settings = properties.summaries();
    }

    @Async(LowPriority.EXECUTOR)
    @TransactionalEventListener
    void on(HandoffRequested handoff) {
        if (settings.enabled()) {
            summaries.summarise(handoff.conversationId(), Summary.Trigger.HANDOFF, "handoff@" + handoff.at(), null);
        }
    }

    @Async(LowPriority.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationResolved resolved) {
        if (settings.enabled()) {
            summaries.summarise(resolved.conversationId(), Summary.Trigger.RESOLUTION, "resolved@" + resolved.at(),
                    resolved.resolvedById());
        }
    }
}
