package dev.tandem.channel;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.tandem.live.ConversationActivity;

/**
 * The customers' live streams on this node, by conversation. The widget re-reads the
 * conversation whenever its stream (re)opens, so nothing is lost while it was away.
 */
@Component
class WidgetStreams {

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ChannelProperties properties;

    WidgetStreams(ChannelProperties properties) {
        this.properties = properties;
    }

    SseEmitter open(UUID conversationId, String status) {
        var emitter = new SseEmitter(properties.streamTimeout().toMillis());
        streams.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> remove(conversationId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(conversationId, emitter, SseEmitter.event().name("status").data(Map.of("status", status),
                MediaType.APPLICATION_JSON).reconnectTime(3000));
        return emitter;
    }

    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    @EventListener
    void on(ConversationActivity activity) {
        Set<SseEmitter> listeners = streams.get(activity.conversationId());
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        if (activity.kind() == ConversationActivity.Kind.MESSAGE && activity.message().visibleToCustomer()) {
            var message = WidgetApi.WidgetMessage.of(activity.message());
            listeners.forEach(emitter -> send(activity.conversationId(), emitter,
                    SseEmitter.event().name("message").id(message.id().toString()).data(message, MediaType.APPLICATION_JSON)));
        }
        if (activity.kind() == ConversationActivity.Kind.DETAILS) {
            // e.g. a follow-up email arrived (typed into the chat, or from another tab): the widget re-reads
            listeners.forEach(emitter -> send(activity.conversationId(), emitter,
                    SseEmitter.event().name("conversation").data(Map.of("changed", true), MediaType.APPLICATION_JSON)));
        }
        if (activity.kind() == ConversationActivity.Kind.REPLY_IN_PROGRESS) {
            // no id: it is no message, and a widget that reconnects re-reads the stored ones only
            listeners.forEach(emitter -> send(activity.conversationId(), emitter,
                    SseEmitter.event().name("reply").data(activity.reply(), MediaType.APPLICATION_JSON)));
        }
        if (activity.kind() == ConversationActivity.Kind.STATUS) {
            listeners.forEach(emitter -> send(activity.conversationId(), emitter,
                    SseEmitter.event().name("status").data(Map.of("status", activity.status()), MediaType.APPLICATION_JSON)));
        }
    }

    /**
     * Ends every stream when the application shuts down, before the web server's graceful
     * shutdown, which would otherwise wait its full timeout for these never-ending requests; the
     * widgets reconnect (to another node, or after the restart) and catch up.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.values().forEach(emitters -> emitters.forEach(emitter -> {
            try {
                emitter.complete();
            }
            catch (RuntimeException alreadyGone) {
                // nothing to end
            }
        }));
        streams.clear();
    }

    @Scheduled(fixedDelayString = "${tandem.channel.heartbeat:PT25S}")
    void heartbeat() {
        streams.forEach((conversationId, emitters) -> emitters
            .forEach(emitter -> send(conversationId, emitter, SseEmitter.event().comment("keep-alive"))));
    }

    private void send(UUID conversationId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        }
        catch (IOException | IllegalStateException gone) {
            remove(conversationId, emitter);
        }
    }

    private void remove(UUID conversationId, SseEmitter emitter) {
        streams.computeIfPresent(conversationId, (id, emitters) -> {
            emitters.remove(emitter);
            return emitters.isEmpty() ? null : emitters;
        });
    }
}
