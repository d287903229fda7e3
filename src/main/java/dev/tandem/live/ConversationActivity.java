package dev.tandem.live;

import java.util.UUID;

import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;

/**
 * Something visible happened in a conversation; delivered to every node's live views (customer
 * widget streams and agent workspaces) after the change committed. {@code message} is set for
 * {@link Kind#MESSAGE} only; {@link Kind#DETAILS} says that the conversation changed beyond its
 * messages and status (the customer left a follow-up email): views re-read it.
 * {@link Kind#REPLY_IN_PROGRESS} carries the assistant's reply as far as it is written ({@code reply});
 * it changes nothing stored, and the reply itself follows as a {@link Kind#MESSAGE}.
 * {@link Kind#ASSIST} says that the assist panel has new suggestions for the agents viewing it.
 */
public record ConversationActivity(Kind kind, UUID conversationId, UUID teamId, ConversationStatus status,
        Message message, ReplySoFar reply) {

    /**
     * What changed. {@code DETAILS}: something both sides show (a follow-up email); {@code AGENT_DETAILS}:
     * something only the agents' views show (a new summary), never sent to the customer's widget; {@code ASSIST}:
     * the assist panel of the conversation was computed anew (agents only).
     */
    public enum Kind {
        STARTED, MESSAGE, STATUS, DETAILS, REPLY_IN_PROGRESS, AGENT_DETAILS, ASSIST
    }

    /**
     * The assistant's reply while it is written: the customer message it answers and its text so far.
     */
    public record ReplySoFar(UUID inReplyTo, String text) {
    }

    public ConversationActivity(Kind kind, UUID conversationId, UUID teamId, ConversationStatus status,
            Message message) {
        this(kind, conversationId, teamId, status, message, null);
    }
}
