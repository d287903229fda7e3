package dev.tandem.conversation;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.CurrentUser;

/**
 * An agent replies to the customer or leaves an internal note. Replying to a waiting
 * conversation takes it; a conversation someone else has is answered only by its assignee or a
 * supervisor, so two people never talk over each other.
 */
@Service
public class PostAgentMessage {

    private final VisibleConversations visible;
    private final AssignConversation assign;
    private final Timeline timeline;

    PostAgentMessage(VisibleConversations visible, AssignConversation assign, Timeline timeline) {
        this.visible = visible;
        this.assign = assign;
        this.timeline = timeline;
    }

    @Transactional
    public Message post(CurrentUser agent, UUID conversationId, String text, boolean internal) {
        String checkedText = ConversationProblems.checkedText(text);
        ConversationSummary conversation = visible.get(agent, conversationId);
        if (!internal) {
            conversation = mayReply(agent, conversation);
        }
        return timeline.append(conversation, conversation.status(), AuthorType.AGENT, agent.id(), agent.displayName(),
                checkedText, internal, null);
    }

    private ConversationSummary mayReply(CurrentUser agent, ConversationSummary conversation) {
        switch (conversation.status()) {
            case AI, QUEUED -> {
                return assign.assignToSelf(agent, conversation.id());
            }
            case ASSIGNED -> {
                if (!agent.id().equals(conversation.assigneeId()) && !agent.seesAllTeams()) {
                    throw ConversationProblems.conflict(
                            "Another agent has this conversation; ask them or a supervisor to transfer it to you.");
                }
                return conversation;
            }
            default -> throw ConversationProblems.conflict(
                    "The conversation is resolved; reopen it before replying, or leave an internal note.");
        }
    }
}
