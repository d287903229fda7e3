package dev.tandem.understanding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What understanding read in one customer message.
 *
 * @param language ISO 639-1, null when the message does not tell (too short, mixed)
 * @param intent what it is about, null before intents are trained
 * @param sentiment its tone, with the cues it rests on
 * @param entities the facts it names
 */
public record MessageUnderstanding(UUID messageId, UUID conversationId, String language, Intent intent,
        Sentiment sentiment, List<Entity> entities, Instant at) {

    public MessageUnderstanding {
        entities = List.copyOf(entities);
    }
}
