package dev.tandem.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.conversation.AiDisclosure;

/**
 * An admin's own AI disclosure per widget inbox and language; a conversation started in that inbox opens with it
 * instead of the configured or shipped text.
 */
@Component
class InboxDisclosures implements AiDisclosure.Override {

    static final int MAX_LENGTH = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboxDisclosures(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<String> forConversation(UUID conversationId, String language) {
        return jdbc.sql("""
                select d.text from widget_inbox_disclosure d join conversation_access a on a.inbox_id = d.inbox_id
                where a.conversation_id = ? and d.language = ?""")
            .params(conversationId, language)
            .query(String.class)
            .list()
            .stream()
            .findFirst();
    }

    Map<String, String> of(UUID inboxId) {
        Map<String, String> texts = new LinkedHashMap<>();
        jdbc.sql("select language, text from widget_inbox_disclosure where inbox_id = ? order by language")
            .param(inboxId)
            .query(rs -> {
                texts.put(rs.getString(1), rs.getString(2));
            });
        return texts;
    }

    /** Replaces the inbox's texts: a language left out (or blank) falls back to the configured or shipped text. */
    @Transactional
    Map<String, String> replace(UUID inboxId, Map<String, String> texts, String by) {
        for (var entry : texts.entrySet()) {
            if (entry.getKey() == null || !AiDisclosure.LANGUAGES.contains(entry.getKey())) {
                throw new IllegalArgumentException("Unknown language '" + entry.getKey() + "': use one of "
                        + AiDisclosure.LANGUAGES + ".");
            }
            if (entry.getValue() != null && entry.getValue().strip().length() > MAX_LENGTH) {
                throw new IllegalArgumentException("The disclosure in '" + entry.getKey() + "' is longer than "
                        + MAX_LENGTH + " characters.");
            }
        }
        jdbc.sql("delete from widget_inbox_disclosure where inbox_id = ?").param(inboxId).update();
        texts.forEach((language, text) -> {
            if (text != null && !text.isBlank()) {
                jdbc.sql("insert into widget_inbox_disclosure (inbox_id, language, text, updated_at) values (?, ?, ?, ?)")
                    .params(inboxId, language, text.strip(), Timestamp.from(clock.instant()))
                    .update();
            }
        });
        events.publishEvent(new WidgetInboxes.WidgetSettingsChanged(inboxId, "ai-disclosure", by, clock.instant()));
        return of(inboxId);
    }
}
