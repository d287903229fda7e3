package dev.tandem.answering;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.tandem.conversation.ConversationSummary;
import dev.tandem.conversation.Message;

/**
 * Shows the customer the assistant's reply while the model writes it: one {@link ReplyInProgress} per
 * grounded sentence, to the live views of every node (the {@code live} module carries it across nodes as
 * it carries messages). Sentences, not tokens: a sentence is the unit the grounding check can vouch for,
 * and a few events per reply cost nothing next to one per token crossing the message broker.
 */
@Component
class RepliesInProgress {

    private final ApplicationEventPublisher events;

    RepliesInProgress(ApplicationEventPublisher events) {
        this.events = events;
    }

    void show(ConversationSummary conversation, Message question, String textSoFar) {
        UUID id = conversation.id();
        events.publishEvent(new ReplyInProgress(id, conversation.teamId(), question.id(), textSoFar));
    }
}
