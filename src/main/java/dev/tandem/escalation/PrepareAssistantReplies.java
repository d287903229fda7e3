package dev.tandem.escalation;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import dev.tandem.ai.LowPriority;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.MessagePosted;

/**
 * Works out the meaning of the assistant's replies as they are sent, so that judging the customer's
 * next message embeds only that message on the request path. A warm-up, not a duty: a lost one costs
 * the next judgement a few milliseconds, so it runs as soon as the reply is published rather than after
 * commit, and is not tracked by the event publication registry.
 */
@Component
class PrepareAssistantReplies {

    private final EscalationPolicy policy;

    PrepareAssistantReplies(EscalationPolicy policy) {
        this.policy = policy;
    }

    @Async(LowPriority.EXECUTOR)
    @EventListener
    void on(MessagePosted posted) {
        if (posted.message().author() == AuthorType.AI && posted.status() == ConversationStatus.AI) {
            policy.assistantSaid(posted.message().text());
        }
    }
}
