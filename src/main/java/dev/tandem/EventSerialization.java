package dev.tandem;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The event publication registry's serializer: the application's JSON mapper, as Spring Modulith's own, but
 * held instead of looked up in the bean factory for every event stored. The registry stores an event for
 * each module listener of every customer message, and that lookup was a tenth of its cost on the message
 * path (load benchmark profile, 2026-12-07). It stores the event once per listener, serialising it each time;
 * the last event serialised on a thread is kept, so a customer message's three publications cost one.
 */
@Component
class EventSerialization implements EventSerializer {

    private final JsonMapper mapper;
    private final ThreadLocal<Serialized> last = new ThreadLocal<>();

    /** Events are immutable records: the same instance always reads the same. */
    private record Serialized(Object event, String json) {
    }

    EventSerialization(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object serialize(Object event) {
        Serialized previous = last.get();
        if (previous != null && previous.event() == event) {
            return previous.json();
        }
        String json = mapper.writeValueAsString(event);
        last.set(new Serialized(event, json));
        return json;
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return mapper.readerFor(type).readValue(serialized.toString());
    }
}
