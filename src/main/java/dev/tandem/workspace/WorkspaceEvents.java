package dev.tandem.workspace;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.identity.CurrentUser;

/**
 * The workspace's event stream: {@code inbox} when the visible conversations changed,
 * {@code message} (data: the message id) and {@code status} for the conversation being watched.
 * The page re-reads what it needs on each event; nothing is lost while a stream reconnects.
 */
@Controller
class WorkspaceEvents {

    private final WorkspaceStreams streams;
    private final ConversationQueries queries;

    WorkspaceEvents(WorkspaceStreams streams, ConversationQueries queries) {
        this.streams = streams;
        this.queries = queries;
    }

    @GetMapping(path = "/workspace/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(CurrentUser me, @RequestParam(required = false) UUID conversation) {
        UUID watched = conversation != null && queries.summary(conversation)
            .filter(c -> me.canSeeTeam(c.teamId())).isPresent() ? conversation : null;
        return streams.open(me, watched);
    }
}
