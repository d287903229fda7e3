package dev.tandem.understanding;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.ai.LanguageDetection;
import dev.tandem.ai.LowPriority;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessagePosted;

/**
 * Reads every customer message once it is stored — language, intent, tone, facts — and keeps what
 * it read with the message, for the handoff packet, routing and reports. After the message's
 * transaction and off the customer's request, as low-priority model work ({@link LowPriority}): nothing
 * here may slow down or fail a message, nor compete with the assistant's turns (nor
 * start-up: the language models are not loaded for it, see {@link LanguageDetection#detectIfLoaded}).
 */
@Service
public class UnderstandMessage {

    private final LanguageDetection languages;
    private final ClassifyIntent intents;
    private final SentimentAnalysis sentiment;
    private final EntityExtraction entities;
    private final MessageUnderstandings store;
    private final Clock clock;

    UnderstandMessage(LanguageDetection languages, ClassifyIntent intents, SentimentAnalysis sentiment,
            EntityExtraction entities, MessageUnderstandings store, Clock clock) {
        this.languages = languages;
        this.intents = intents;
        this.sentiment = sentiment;
        this.entities = entities;
        this.store = store;
        this.clock = clock;
    }

    // The condition, not an if in the body: a publication is stored per message only for those it applies to.
    // No transaction around it: the models run at low priority and may wait long for a core, and must not
    // hold a database connection meanwhile (each statement commits on its own).
    @Async(LowPriority.EXECUTOR)
    @TransactionalEventListener(condition = "#posted.message().author() == T(dev.tandem.conversation.AuthorType).CUSTOMER")
    void on(MessagePosted posted) {
        understand(posted.message());
    }

    /** Reads the message and stores what it read; a message already read is not read again. */
    public MessageUnderstanding understand(Message message) {
        return store.find(message.id()).orElseGet(() -> {
            String text = message.text();
            var understood = new MessageUnderstanding(message.id(), message.conversationId(),
                    languages.detectIfLoaded(text).orElse(null), intents.classify(text).orElse(null), sentiment.analyse(text),
                    entities.extract(text), clock.instant().truncatedTo(ChronoUnit.MICROS));
            store.insert(understood);
            return understood;
        });
    }
}
