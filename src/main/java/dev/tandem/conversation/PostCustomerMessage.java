package dev.tandem.conversation;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer writes in an existing conversation. A retry with the same client message id
 * returns the stored message instead of storing it twice; writing after resolution reopens.
 */
@Service
public class PostCustomerMessage {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PostCustomerMessage(ConversationRepository conversations, MessageRepository messages, Timeline timeline,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.timeline = timeline;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record Posted(Message message, ConversationStatus status, boolean duplicate) {
    }

    public Posted post(UUID conversationId, String text, String clientMessageId) {
        String checkedText = ConversationProblems.checkedText(text);
        String checkedId = ConversationProblems.checkedClientMessageId(clientMessageId);
        try {
            return transactions.execute(tx -> store(conversationId, checkedText, checkedId));
        }
        catch (DuplicateKeyException sameMessageRacedIn) {
            return transactions.execute(tx -> existing(conversationId, checkedId));
        }
    }

    private Posted store(UUID conversationId, String text, String clientMessageId) {
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        if (clientMessageId != null) {
            var stored = messages.findByClientMessageId(conversationId, clientMessageId);
            if (stored.isPresent()) {
                return new Posted(stored.get(), conversation.status(), true);
            }
        }
        ConversationStatus status = conversation.status();
        if (status == ConversationStatus.RESOLVED) {
            status = ConversationStatus.QUEUED;
            if (conversations.changeState(conversationId, conversation.version(), status, conversation.teamId(), null,
                    null, clock.instant()) == 0) {
                // a simultaneous request (another message, the handoff button) reopened it: write into it as it is now
                conversation = conversations.findById(conversationId)
                    .orElseThrow(() -> ConversationProblems.notFound(conversationId));
                status = conversation.status();
                if (status == ConversationStatus.RESOLVED) {
                    throw ConversationProblems.conflict("The conversation changed at the same moment; send again.");
                }
            }
            else {
                conversations.clearHandoffRequest(conversationId);
                events.publishEvent(new ConversationReopened(conversationId, conversation.teamId(), status, null,
                        clock.instant()));
            }
        }
        Message message = timeline.append(conversation, status, AuthorType.CUSTOMER, null,
                conversation.customer().name(), text, false, clientMessageId);
        return new Posted(message, status, false);
    }

    private Posted existing(UUID conversationId, String clientMessageId) {
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        Message message = messages.findByClientMessageId(conversationId, clientMessageId).orElseThrow();
        return new Posted(message, conversation.status(), true);
    }
}
