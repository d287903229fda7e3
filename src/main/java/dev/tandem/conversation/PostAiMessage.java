package dev.tandem.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AI assistant replies to the customer. It speaks only while the conversation is the AI's:
 * once a person has it (or it is queued for one), a late AI reply is dropped, not posted.
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
        String checked = ConversationProblems.checkedText(text);
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        if (conversation.status() != ConversationStatus.AI) {
            return Optional.empty();
        }
        return Optional.of(timeline.append(conversation, ConversationStatus.AI, AuthorType.AI, null, AUTHOR_NAME,
                checked, false, null, citations, kind, null));
    }
}
