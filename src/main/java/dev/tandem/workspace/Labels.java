package dev.tandem.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.tandem.conversation.ConversationStatus;

/**
 * Wording and badge classes for templates, as {@code ${@workspaceLabels.status(s)}}. Times are
 * rendered here in UTC and then again in the agent's own time zone by workspace.js.
 */
@Component("workspaceLabels")
class Labels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final Clock clock;

    Labels(Clock clock) {
        this.clock = clock;
    }

    public String status(ConversationStatus status) {
        return switch (status) {
            case AI -> "AI";
            case QUEUED -> "Queued";
            case ASSIGNED -> "Assigned";
            case RESOLVED -> "Resolved";
        };
    }

    public String badge(ConversationStatus status) {
        return "badge badge-" + status.name().toLowerCase(Locale.ROOT);
    }

    /** "now", "5m", "3h", "2d", then the date. */
    public String relative(Instant at) {
        if (at == null) {
            return "";
        }
        Duration age = Duration.between(at, clock.instant());
        if (age.toSeconds() < 45) {
            return "now";
        }
        if (age.toMinutes() < 60) {
            return Math.max(1, Math.round(age.toSeconds() / 60.0)) + "m";
        }
        if (age.toHours() < 24) {
            return Math.round(age.toMinutes() / 60.0) + "h";
        }
        if (age.toDays() < 7) {
            return Math.round(age.toHours() / 24.0) + "d";
        }
        return DATE.format(at);
    }

    /** "just now", "5m ago", "on 3 Mar". */
    public String ago(Instant at) {
        String relative = relative(at);
        if (relative.equals("now")) {
            return "just now";
        }
        return relative.matches("\\d+[mhd]") ? relative + " ago" : "on " + relative;
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    public String date(Instant at) {
        return at == null ? "" : DATE.format(at);
    }
}
