package dev.tandem.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.Citation;
import dev.tandem.conversation.Message;
import dev.tandem.guardrails.AgentView;

/**
 * A message as the timeline draws it: who it is from, whether it continues the previous bubble
 * of the same author, and whether a new day starts before it. The text is as the viewer may read it
 * ({@link AgentView}): personal data their role may not see masked, an abusive message shielded.
 */
record TimelineEntry(UUID id, String style, String authorName, String initials, String tone, String text,
        boolean internal, boolean continued, boolean newDay, Instant createdAt, List<Citation> citations, boolean shielded,
        String shieldNotice) {

    private static final long GROUP_SECONDS = 5 * 60;

    /** The entries for {@code messages}, which follow {@code previous} (null at the start of the timeline). */
    static List<TimelineEntry> of(List<Message> messages, Message previous, String customerName,
            AgentView.ConversationView view) {
        List<TimelineEntry> entries = new ArrayList<>(messages.size());
        Message before = previous;
        for (Message message : messages) {
            entries.add(of(message, before, customerName, view.show(message)));
            before = message;
        }
        return entries;
    }

    private static TimelineEntry of(Message message, Message before, String customerName, AgentView.Shown shown) {
        String style = style(message);
        String name = switch (message.author()) {
            case CUSTOMER -> customerName;
            case AI -> "AI assistant";
            case AGENT -> message.authorName() != null ? message.authorName() : "Agent";
            case SYSTEM -> "Tandem";
        };
        boolean newDay = before == null || !day(before.createdAt()).equals(day(message.createdAt()));
        boolean continued = !newDay && before != null && message.author() != AuthorType.SYSTEM
                && before.author() == message.author() && before.internal() == message.internal()
                && java.util.Objects.equals(before.authorId(), message.authorId())
                && message.createdAt().getEpochSecond() - before.createdAt().getEpochSecond() < GROUP_SECONDS;
        return new TimelineEntry(message.id(), style, name, Avatars.initials(name), Avatars.tone(name), shown.text(),
                message.internal(), continued, newDay, message.createdAt(), message.citations(), shown.shielded(),
                shown.notice());
    }

    private static String style(Message message) {
        if (message.author() == AuthorType.SYSTEM) {
            return "system";
        }
        if (message.internal()) {
            return "note";
        }
        return switch (message.author()) {
            case CUSTOMER -> "customer";
            case AI -> "ai";
            default -> "agent";
        };
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
