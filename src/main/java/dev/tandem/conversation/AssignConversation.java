package dev.tandem.conversation;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;

/**
 * An agent takes a waiting conversation. When two claim it at once exactly one wins; the other
 * gets a conflict naming who has it.
 */
@Service
public class AssignConversation {

    private final VisibleConversations visible;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssignConversation(VisibleConversations visible, ConversationRepository conversations, Timeline timeline,
            UserDirectory directory, ApplicationEventPublisher events, Clock clock) {
        this.visible = visible;
        this.conversations = conversations;
        this.timeline = timeline;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ConversationSummary assignToSelf(CurrentUser agent, UUID conversationId) {
        ConversationSummary conversation = visible.get(agent, conversationId);
        if (conversation.status() == ConversationStatus.ASSIGNED && agent.id().equals(conversation.assigneeId())) {
            return conversation;
        }
        var now = clock.instant();
        if (conversations.claim(conversationId, agent.id(), now) == 0) {
            ConversationSummary current = conversations.findById(conversationId).orElseThrow();
            if (current.status() == ConversationStatus.RESOLVED) {
                throw ConversationProblems.conflict("The conversation is resolved; reopen it to take it.");
            }
            if (current.status() == ConversationStatus.ASSIGNED && agent.id().equals(current.assigneeId())) {
                return current;
            }
            throw ConversationProblems.conflict("Already assigned to " + nameOf(current.assigneeId()) + ".");
        }
        events.publishEvent(new ConversationAssigned(conversationId, conversation.teamId(), agent.id(), null,
                agent.username(), now));
        timeline.append(conversation, ConversationStatus.ASSIGNED, AuthorType.SYSTEM, agent.id(), agent.displayName(),
                agent.displayName() + " joined the conversation.", false, null);
        return conversations.findById(conversationId).orElseThrow();
    }

    /**
     * Routing gives a waiting conversation to an agent who has room for it. The same atomic claim as
     * an agent's own, so a conversation is never given to two people, and only while the agent holds
     * fewer than their capacity.
     *
     * @param why for the agents, on the timeline ("least loaded online agent of Billing who speaks es")
     * @return empty when the conversation no longer waits or the agent is full
     */
    @Transactional
    public java.util.Optional<ConversationSummary> assignAutomatically(UUID conversationId, UserSummary agent,
            String why) {
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        var now = clock.instant();
        if (conversations.claimWithinCapacity(conversationId, agent.id(), agent.maxConcurrent(), now) == 0) {
            return java.util.Optional.empty();
        }
        events.publishEvent(new ConversationAssigned(conversationId, conversation.teamId(), agent.id(), null,
                RouteToTeam.ROUTING, now));
        timeline.append(conversation, ConversationStatus.ASSIGNED, AuthorType.SYSTEM, null, null,
                "Assigned automatically to " + agent.displayName() + ": " + why, true, null);
        timeline.append(conversation, ConversationStatus.ASSIGNED, AuthorType.SYSTEM, agent.id(), agent.displayName(),
                agent.displayName() + " joined the conversation.", false, null);
        return conversations.findById(conversationId);
    }

    private String nameOf(UUID userId) {
        return userId == null ? "someone else" : directory.user(userId).map(u -> u.displayName()).orElse("someone else");
    }
}
