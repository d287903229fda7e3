package dev.tandem.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The priority and first-response target of a conversation's wait for a person. Routing decides
 * them (it knows the targets and the escalation's priority); the conversation keeps them because
 * the queue is sorted by them and the first agent reply, which meets the target, is written here.
 */
@Service
public class ResponseTargets {

    private final ConversationRepository conversations;

    ResponseTargets(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    /**
     * The conversation waits for a person from {@code since}: starts a new target, or, when its current
     * wait already has one, moves it earlier (never later) with the higher priority.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean waiting(UUID conversationId, ConversationPriority priority, Instant since, Instant dueAt) {
        return conversations.startWaiting(conversationId, priority, since, dueAt, false) == 1
                || conversations.raise(conversationId, priority, since, dueAt) == 1;
    }

    /**
     * A new wait whatever the last one's state: the customer wrote again after the conversation was
     * resolved, so an old target (met or not) says nothing about this wait.
     */
    @Transactional
    public boolean waitingAgain(UUID conversationId, ConversationPriority priority, Instant since, Instant dueAt) {
        return conversations.startWaiting(conversationId, priority, since, dueAt, true) == 1;
    }

    /** Waits whose target passed without a reply and were not yet marked, oldest target first. */
    @Transactional(readOnly = true)
    public List<ConversationSummary> pastDue(Instant now, int limit) {
        return conversations.pastFirstResponseDue(now, limit);
    }

    /** Marks the target missed; true for exactly one caller, false when it was marked or met meanwhile. */
    @Transactional
    public boolean markBreached(UUID conversationId, Instant at) {
        return conversations.markFirstResponseBreached(conversationId, at) == 1;
    }
}
