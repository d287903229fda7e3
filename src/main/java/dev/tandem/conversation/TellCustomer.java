package dev.tandem.conversation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A notice from the system that the customer reads in the conversation (how long the wait is, opening hours). */
@Service
public class TellCustomer {

    private final ConversationRepository conversations;
    private final Timeline timeline;

    TellCustomer(ConversationRepository conversations, Timeline timeline) {
        this.conversations = conversations;
        this.timeline = timeline;
    }

    /** @return the notice, or empty when the conversation is resolved (nobody is waiting for it any more) */
    @Transactional
    public Optional<Message> tell(UUID conversationId, String text) {
        return tell(conversationId, text, MessageKind.PLAIN, null);
    }

    /**
     * A notice of a {@code kind} that clients render with more than its text (an email form under a
     * {@link MessageKind#FOLLOW_UP_OFFER}), written in {@code language}.
     *
     * @return the notice, or empty when the conversation is resolved
     */
    @Transactional
    public Optional<Message> tell(UUID conversationId, String text, MessageKind kind, String language) {
        String checked = ConversationProblems.checkedText(text);
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        if (!conversation.status().isOpen()) {
            return Optional.empty();
        }
        return Optional.of(timeline.append(conversation, conversation.status(), AuthorType.SYSTEM, null, null, checked,
                false, null, java.util.List.of(), kind, language));
    }
}
