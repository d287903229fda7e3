package dev.tandem.answering;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.tandem.ai.LanguageDetection;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.PostAiMessage;

/**
 * Tells a customer whose reply could not come in time that the assistant is late, in their language,
 * and offers a person: a plain "yes" to it hands the conversation over, as after "I don't know".
 */
@Component
class LateReplies {

    private final PostAiMessage post;
    private final LanguageDetection languages;
    private final AnswerRecords records;
    private final ConversationQueries conversations;
    private final AnsweringProperties properties;

    LateReplies(PostAiMessage post, LanguageDetection languages, AnswerRecords records,
            ConversationQueries conversations, AnsweringProperties properties) {
        this.post = post;
        this.languages = languages;
        this.records = records;
        this.conversations = conversations;
        this.properties = properties;
    }

    /** Posts the notice after {@code question}, unless a person has the conversation by now. */
    AnswerCustomer.Reply tell(UUID conversationId, Message question) {
        String language = languages.detect(question.text())
            .or(() -> records.byConversation(conversationId).stream().reduce((a, b) -> b).map(AnswerRecord::language))
            .orElse(properties.defaultLanguage());
        var notice = post.post(conversationId, Phrases.in(language).late(), List.of());
        ConversationStatus status = notice.isPresent() ? ConversationStatus.AI
                : conversations.summary(conversationId).map(c -> c.status()).orElse(ConversationStatus.AI);
        return new AnswerCustomer.Reply(status, notice.stream().toList());
    }
}
