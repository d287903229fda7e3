package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessagePosted;
import tools.jackson.databind.json.JsonMapper;

/** An event stored for a module listener reads back as the same event when the registry hands it over again. */
class EventSerializationTest {

    @Test
    void aStoredEventReadsBackAsItWas() {
        var serialization = new EventSerialization(JsonMapper.builder().build());
        var event = new MessagePosted(new Message(UUID.randomUUID(), UUID.randomUUID(), AuthorType.CUSTOMER, null, "Ada",
                "Où est ma commande 4411 ?", false, "c-1", Instant.parse("2026-12-07T20:00:00.123456Z"), List.of(), null,
                "fr"), UUID.randomUUID(), ConversationStatus.AI);

        Object stored = serialization.serialize(event);

        assertThat(stored).isInstanceOf(String.class);
        assertThat(serialization.deserialize(stored, MessagePosted.class)).isEqualTo(event);
    }

    @Test
    void anEventStoredForSeveralListenersIsSerialisedOnceAndAnotherEventAfresh() {
        var serialization = new EventSerialization(JsonMapper.builder().build());
        var first = new MessagePosted(new Message(UUID.randomUUID(), UUID.randomUUID(), AuthorType.CUSTOMER, null, "Ada",
                "Where is my order?", false, null, Instant.parse("2026-12-08T02:00:00Z"), List.of(), null, "en"),
                UUID.randomUUID(), ConversationStatus.AI);
        var equalButAnother = new MessagePosted(first.message(), first.teamId(), first.status());
        var second = new MessagePosted(new Message(UUID.randomUUID(), first.message().conversationId(), AuthorType.CUSTOMER,
                null, "Ada", "Thanks!", false, null, Instant.parse("2026-12-08T02:00:05Z"), List.of(), null, "en"),
                first.teamId(), ConversationStatus.AI);

        Object once = serialization.serialize(first);

        assertThat(serialization.serialize(first)).isSameAs(once);
        assertThat(serialization.serialize(equalButAnother)).isNotSameAs(once).isEqualTo(once);
        assertThat(serialization.deserialize(serialization.serialize(second), MessagePosted.class)).isEqualTo(second);
    }
}
