package dev.tandem.conversation;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Appends to a conversation's timeline and announces it; every use case writes through here. */
@Component
class Timeline {

    /** Time-ordered UUIDv7: primary-key indexes grow at their end, ids sort by creation time. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private static final int PREVIEW_LENGTH = 140;

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Timeline(MessageRepository messages, ConversationRepository conversations, ApplicationEventPublisher events,
            Clock clock) {
        this.messages = messages;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    Message append(ConversationSummary conversation, ConversationStatus statusAfter, AuthorType author, UUID authorId,
            String authorName, String text, boolean internal, String clientMessageId) {
        return append(conversation, statusAfter, author, authorId, authorName, text, internal, clientMessageId,
                List.of());
    }

    Message append(ConversationSummary conversation, ConversationStatus statusAfter, AuthorType author, UUID authorId,
            String authorName, String text, boolean internal, String clientMessageId, List<Citation> citations) {
        return append(conversation, statusAfter, author, authorId, authorName, text, internal, clientMessageId,
                citations, MessageKind.PLAIN, null);
    }

    Message append(ConversationSummary conversation, ConversationStatus statusAfter, AuthorType author, UUID authorId,
            String authorName, String text, boolean internal, String clientMessageId, List<Citation> citations,
            MessageKind kind, String language) {
        var message = new Message(IDS.generate(), conversation.id(), author, authorId, authorName, text, internal,
                clientMessageId, clock.instant().truncatedTo(ChronoUnit.MICROS), citations, kind, language);
        messages.insert(message);
        boolean conversational = !internal && author != AuthorType.SYSTEM;
        conversations.recordActivity(conversation.id(), conversational ? preview(text) : null, message.createdAt());
        events.publishEvent(new MessagePosted(message, conversation.teamId(), statusAfter));
        return message;
    }

    private static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ");
        if (flat.length() <= PREVIEW_LENGTH) {
            return flat;
        }
        int end = PREVIEW_LENGTH - 1;
        // never cut between the two halves of a surrogate pair (emoji): a lone half is not text
        return flat.substring(0, Character.isHighSurrogate(flat.charAt(end - 1)) ? end - 1 : end) + "…";
    }
}
