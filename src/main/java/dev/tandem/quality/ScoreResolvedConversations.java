package dev.tandem.quality;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.ai.LowPriority;
import dev.tandem.conversation.ConversationResolved;

/**
 * Scores a conversation once it is resolved: after the resolution's transaction, on the low-priority executor (one
 * thread at the lowest CPU priority, like summaries and outcomes), never per message. The event publication is
 * stored with the resolution, so a node that stops before scoring leaves it to be handed over again.
 */
@Component
class ScoreResolvedConversations {

    private final ScoreConversation scoring;
    private final QualityProperties settings;

    ScoreResolvedConversations(ScoreConversation scoring, QualityProperties settings) {
        this.scoring = scoring;
        this.settings = settings;
    }

    @Async(LowPriority.EXECUTOR)
    @TransactionalEventListener
    void on(ConversationResolved resolved) {
        if (settings.enabled()) {
            scoring.score(resolved.conversationId(), resolved.at());
        }
    }
}
