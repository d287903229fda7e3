package dev.tandem.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AI assistant replies to the customer. It speaks only while the conversation is the AI's:
 * once a person has it (or it is queued for one), a late AI reply is dropped, not posted; or, in a
 * conversation a person has, when that person asks it to (a procedure run for the customer).
 */
@Service
public class PostAiMessage {

    public static final String AUTHOR_NAME = "AI assistant";

    private final ConversationRepository conversations;
    private final Timeline timeline;

    PostAiMessage(ConversationRepository conversations, Timeline timeline) {
        this.conversations = conversations;
        this.timeline = timeline;
    }

    @Transactional
    public Optional<Message> post(UUID conversationId, String text, List<Citation> citations) {
        return post(conversationId, text, citations, MessageKind.PLAIN);
    }

    /** As above, for a message that offers more than its text ({@link MessageKind#CHOICES}). */
    @Transactional
    public Optional<Message> post(UUID conversationId, String text, List<Citation> citations, MessageKind kind) {
        return postWhile(ConversationStatus.AI, conversationId, text, false, citations, kind);
    }

    /**
     * The assistant speaks in a conversation a person has, on that person's request (a procedure they
     * started for the customer from the assist panel). Posted only while the conversation is assigned:
     * once it is resolved or back in the queue, the message is dropped like a late reply.
     */
    @Transactional
    public Optional<Message> postForAssignee(UUID conversationId, String text) {
        return postWhile(ConversationStatus.ASSIGNED, conversationId, text, false, List.of(), MessageKind.PLAIN);
    }

    /** An internal note from the assistant to the person who has the conversation (the procedure they started stopped). */
    @Transactional
    public Optional<Message> noteForAssignee(UUID conversationId, String text) {
        return postWhile(ConversationStatus.ASSIGNED, conversationId, text, true, List.of(), MessageKind.PLAIN);
    }

    /** Posts only while the conversation is in {@code status}, which it stays in; otherwise drops the message. */
    private Optional<Message> postWhile(ConversationStatus status, UUID conversationId, String text, boolean internal,
            List<Citation> citations, MessageKind kind) {
        String checked = ConversationProblems.checkedText(text);
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        if (conversation.status() != status) {
            return Optional.empty();
        }
        return Optional.of(timeline.append(conversation, status, AuthorType.AI, null, AUTHOR_NAME, checked, internal,
                null, citations, kind, null));
    }
}
