package dev.tandem.conversation;

import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.identity.CurrentUser;

/**
 * An agent replies to the customer or leaves an internal note. Replying to a waiting
 * conversation takes it; a conversation someone else has is answered only by its assignee or a
 * supervisor, so two people never talk over each other. A retry with the same client message id
 * returns the stored message instead of sending the customer the same reply twice.
 */
@Service
public class PostAgentMessage {

    private final VisibleConversations visible;
    private final AssignConversation assign;
    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final TransactionTemplate transactions;

    PostAgentMessage(VisibleConversations visible, AssignConversation assign, MessageRepository messages,
            ConversationRepository conversations, Timeline timeline, TransactionTemplate transactions) {
        this.visible = visible;
        this.assign = assign;
        this.messages = messages;
        this.conversations = conversations;
        this.timeline = timeline;
        this.transactions = transactions;
    }

    public record Posted(Message message, boolean duplicate) {
    }

    public Message post(CurrentUser agent, UUID conversationId, String text, boolean internal) {
        return post(agent, conversationId, text, internal, null).message();
    }

    public Posted post(CurrentUser agent, UUID conversationId, String text, boolean internal, String clientMessageId) {
        String checkedText = ConversationProblems.checkedText(text);
        String checkedId = ConversationProblems.checkedClientMessageId(clientMessageId);
        try {
            return transactions.execute(tx -> store(agent, conversationId, checkedText, internal, checkedId));
        }
        catch (DuplicateKeyException sameReplyRacedIn) {
            return transactions.execute(tx -> existing(agent, conversationId, checkedId));
        }
    }

    private Posted store(CurrentUser agent, UUID conversationId, String text, boolean internal, String clientMessageId) {
        ConversationSummary conversation = visible.get(agent, conversationId);
        if (clientMessageId != null && messages.findByClientMessageId(conversationId, clientMessageId).isPresent()) {
            return existing(agent, conversationId, clientMessageId);
        }
        if (!internal) {
            conversation = mayReply(agent, conversation);
        }
        Message posted = timeline.append(conversation, conversation.status(), AuthorType.AGENT, agent.id(),
                agent.displayName(), text, internal, clientMessageId);
        if (!internal) {
            // the first reply the customer sees meets the first-response target (a note does not)
            conversations.markFirstResponse(conversation.id(), posted.createdAt());
        }
        return new Posted(posted, false);
    }

    private Posted existing(CurrentUser agent, UUID conversationId, String clientMessageId) {
        visible.get(agent, conversationId);
        Message stored = messages.findByClientMessageId(conversationId, clientMessageId).orElseThrow();
        if (!agent.id().equals(stored.authorId())) {
            throw ConversationProblems.conflict("Another message in this conversation already uses clientMessageId '"
                    + clientMessageId + "'; use a new id for a new message.");
        }
        return new Posted(stored, true);
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
