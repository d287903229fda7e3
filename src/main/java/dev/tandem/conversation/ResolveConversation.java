package dev.tandem.conversation;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.CurrentUser;

/** Marks a conversation done; it reopens when the customer writes again. Resolving twice is harmless. */
@Service
public class ResolveConversation {

    static final String CUSTOMER_NOTICE = "This conversation was marked as resolved. Write again any time to reopen it.";

    private final VisibleConversations visible;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResolveConversation(VisibleConversations visible, ConversationRepository conversations, Timeline timeline,
            ApplicationEventPublisher events, Clock clock) {
        this.visible = visible;
        this.conversations = conversations;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ConversationSummary resolve(CurrentUser by, UUID conversationId) {
        ConversationSummary conversation = visible.get(by, conversationId);
        if (conversation.status() == ConversationStatus.RESOLVED) {
            return conversation;
        }
        if (conversation.status() == ConversationStatus.ASSIGNED && !by.id().equals(conversation.assigneeId())
                && !by.seesAllTeams()) {
            throw ConversationProblems.forbidden("Only the assigned agent or a supervisor can resolve it.");
        }
        var now = clock.instant();
        if (conversations.changeState(conversationId, conversation.version(), ConversationStatus.RESOLVED,
                conversation.teamId(), conversation.assigneeId(), now, now) == 0) {
            ConversationSummary current = conversations.findById(conversationId).orElseThrow();
            if (current.status() == ConversationStatus.RESOLVED) {
                return current; // resolved by a simultaneous request (a double click): the same outcome
            }
            throw ConversationProblems.conflict("The conversation changed at the same moment; look again and retry.");
        }
        events.publishEvent(new ConversationResolved(conversationId, conversation.teamId(), by.id(), by.username(), now));
        timeline.append(conversation, ConversationStatus.RESOLVED, AuthorType.SYSTEM, by.id(), by.displayName(),
                CUSTOMER_NOTICE, false, null);
        return conversations.findById(conversationId).orElseThrow();
    }
}
