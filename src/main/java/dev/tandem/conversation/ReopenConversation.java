package dev.tandem.conversation;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.CurrentUser;

/** An agent reopens a resolved conversation and takes it (customers reopen by writing again). */
@Service
public class ReopenConversation {

    private final VisibleConversations visible;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReopenConversation(VisibleConversations visible, ConversationRepository conversations, Timeline timeline,
            ApplicationEventPublisher events, Clock clock) {
        this.visible = visible;
        this.conversations = conversations;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ConversationSummary reopen(CurrentUser by, UUID conversationId) {
        ConversationSummary conversation = visible.get(by, conversationId);
        if (conversation.status() != ConversationStatus.RESOLVED) {
            throw ConversationProblems.conflict("The conversation is still open (" + conversation.status() + ").");
        }
        var now = clock.instant();
        if (conversations.changeState(conversationId, conversation.version(), ConversationStatus.ASSIGNED,
                conversation.teamId(), by.id(), null, now) == 0) {
            throw ConversationProblems.conflict("The conversation changed at the same moment; look again and retry.");
        }
        events.publishEvent(new ConversationReopened(conversationId, conversation.teamId(), ConversationStatus.ASSIGNED,
                by.username(), now));
        events.publishEvent(new ConversationAssigned(conversationId, conversation.teamId(), by.id(), null,
                by.username(), now));
        timeline.append(conversation, ConversationStatus.ASSIGNED, AuthorType.SYSTEM, by.id(), by.displayName(),
                by.displayName() + " reopened the conversation.", true, null);
        return conversations.findById(conversationId).orElseThrow();
    }
}
