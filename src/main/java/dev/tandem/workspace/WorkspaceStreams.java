package dev.tandem.workspace;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.tandem.identity.CurrentUser;
import dev.tandem.live.ConversationActivity;
import dev.tandem.routing.AgentPresence;
import dev.tandem.wellbeing.WellbeingNotice;

/**
 * The agents' live streams on this node. Every stream learns that "the inbox changed" at most
 * once per {@code inboxRefresh} (busy hours bring hundreds of messages a second, and the page
 * re-reads its list on that event); a stream watching one conversation gets that conversation's
 * messages and status changes at once. A stream only hears of conversations its user may see.
 * On each heartbeat the users with a stream open here count as seen (routing's presence timeout).
 */
@Component
class WorkspaceStreams {

    static final String INBOX = "inbox";
    static final String MESSAGE = "message";
    static final String STATUS = "status";
    static final String DETAILS = "details";
    static final String ASSIST = "assist";
    static final String WELLBEING = "wellbeing";

    private final WorkspaceProperties properties;
    private final AgentPresence presence;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Set<Stream>> watchers = new ConcurrentHashMap<>();

    WorkspaceStreams(WorkspaceProperties properties, AgentPresence presence) {
        this.properties = properties;
        this.presence = presence;
    }

    private static final class Stream {

        final SseEmitter emitter;
        final CurrentUser user;
        final UUID conversationId;
        final AtomicBoolean inboxChanged = new AtomicBoolean();

        Stream(SseEmitter emitter, CurrentUser user, UUID conversationId) {
            this.emitter = emitter;
            this.user = user;
            this.conversationId = conversationId;
        }
    }

    /** A stream for {@code user}, also watching {@code conversationId} when that is not null. */
    SseEmitter open(CurrentUser user, UUID conversationId) {
        var stream = new Stream(new SseEmitter(properties.streamTimeout().toMillis()), user, conversationId);
        streams.add(stream);
        if (conversationId != null) {
            watchers.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        }
        Runnable remove = () -> remove(stream);
        stream.emitter.onCompletion(remove);
        stream.emitter.onTimeout(remove);
        stream.emitter.onError(e -> remove.run());
        // Written at once so that the browser sees the stream open (and learns how soon to retry).
        send(stream, SseEmitter.event().comment("connected").reconnectTime(3000));
        return stream.emitter;
    }

    int openStreams() {
        return streams.size();
    }

    @EventListener
    void on(ConversationActivity activity) {
        if (activity.kind() == ConversationActivity.Kind.REPLY_IN_PROGRESS) {
            return; // the customer's view only: agents read the assistant's reply once it is posted
        }
        // inbox rows show neither details nor assist panels
        boolean listsChange = activity.kind() != ConversationActivity.Kind.DETAILS
                && activity.kind() != ConversationActivity.Kind.AGENT_DETAILS
                && activity.kind() != ConversationActivity.Kind.ASSIST;
        for (Stream stream : streams) {
            if (listsChange && stream.user.canSeeTeam(activity.teamId())) {
                stream.inboxChanged.set(true);
            }
        }
        Set<Stream> watching = watchers.get(activity.conversationId());
        if (watching == null) {
            return;
        }
        for (Stream stream : watching) {
            if (!stream.user.canSeeTeam(activity.teamId())) {
                continue;
            }
            switch (activity.kind()) {
                case MESSAGE -> send(stream, SseEmitter.event().name(MESSAGE).data(activity.message().id().toString()));
                case STATUS -> send(stream, SseEmitter.event().name(STATUS).data(activity.status().name()));
                case DETAILS, AGENT_DETAILS -> send(stream, SseEmitter.event().name(DETAILS).data("changed"));
                case ASSIST -> send(stream, SseEmitter.event().name(ASSIST).data("changed"));
                case STARTED, REPLY_IN_PROGRESS -> {
                }
            }
        }
    }

    /**
     * A break suggested to an agent, an alert to supervisors: their open pages re-read the wellbeing banner. Only the
     * streams on this node hear it at once; the banner re-reads itself every minute anyway.
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(WellbeingNotice notice) {
        for (Stream stream : streams) {
            if (notice.recipients().contains(stream.user.id())) {
                send(stream, SseEmitter.event().name(WELLBEING).data("changed"));
            }
        }
    }

    @Scheduled(fixedDelayString = "${tandem.workspace.inbox-refresh:PT1S}")
    void flushInboxChanges() {
        for (Stream stream : streams) {
            if (stream.inboxChanged.getAndSet(false)) {
                send(stream, SseEmitter.event().name(INBOX).data("changed"));
            }
        }
    }

    @Scheduled(fixedDelayString = "${tandem.workspace.heartbeat:PT25S}")
    void heartbeat() {
        streams.forEach(stream -> send(stream, SseEmitter.event().comment("keep-alive")));
        // after the sends, which drop the streams whose page is gone
        Set<UUID> present = streams.stream().map(stream -> stream.user.id()).collect(Collectors.toSet());
        if (!present.isEmpty()) {
            presence.seen(present);
        }
    }

    /** Open streams would otherwise hold a graceful shutdown for its whole timeout. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.forEach(stream -> {
            try {
                stream.emitter.complete();
            }
            catch (RuntimeException ignored) {
                // already gone
            }
        });
        streams.clear();
        watchers.clear();
    }

    private void send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter.send(event);
        }
        catch (IOException | IllegalStateException gone) {
            remove(stream);
        }
    }

    private void remove(Stream stream) {
        streams.remove(stream);
        if (stream.conversationId != null) {
            watchers.computeIfPresent(stream.conversationId, (id, set) -> {
                set.remove(stream);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
