package dev.tandem.conversation;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone asked for a person: the conversation goes to the human queue at once (unless a person
 * already has it) and the customer is told so. Asking again changes nothing.
 */
@Service
public class RequestHandoff {

    static final String CUSTOMER_NOTICE = "You asked to talk to a person. A member of our team will be with you shortly.";

    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestHandoff(ConversationRepository conversations, Timeline timeline, ApplicationEventPublisher events,
            Clock clock) {
        this.conversations = conversations;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    public record Outcome(ConversationStatus status, Optional<Message> notice) {
    }

    @Transactional
    public Outcome request(UUID conversationId, String reason) {
        return request(conversationId, reason, CUSTOMER_NOTICE);
    }

    /**
     * @param reason why, in words, for the agents
     * @param customerNotice what the customer is told while they wait (in their language)
     */
    @Transactional
    public Outcome request(UUID conversationId, String reason, String customerNotice) {
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        var now = clock.instant();
        ConversationStatus status = conversation.status();
        boolean reopening = status == ConversationStatus.RESOLVED;
        if (status == ConversationStatus.AI || reopening) {
            status = ConversationStatus.QUEUED;
            if (conversations.changeState(conversationId, conversation.version(), status, conversation.teamId(), null,
                    null, now) == 0) {
                // a simultaneous request (a message after resolution) reopened it: ask in it as it is now
                conversation = conversations.findById(conversationId)
                    .orElseThrow(() -> ConversationProblems.notFound(conversationId));
                status = conversation.status();
                if (status == ConversationStatus.AI || status == ConversationStatus.RESOLVED) {
                    throw ConversationProblems.conflict("The conversation changed at the same moment; ask again.");
                }
                reopening = false;
            }
            if (reopening) {
                conversations.clearHandoffRequest(conversationId);
                events.publishEvent(new ConversationReopened(conversationId, conversation.teamId(), status, null, now));
            }
        }
        if (status == ConversationStatus.ASSIGNED || conversations.markHandoffRequested(conversationId, now) == 0) {
            return new Outcome(status, Optional.empty());
        }
        events.publishEvent(new HandoffRequested(conversationId, conversation.teamId(), reason, now));
        Message notice = timeline.append(conversation, status, AuthorType.SYSTEM, null, null, customerNotice, false,
                null);
        return new Outcome(status, Optional.of(notice));
    }
}
