package dev.tandem.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.FirstResponse;

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

    public String initials(String name) {
        return Avatars.initials(name);
    }

    public String status(ConversationStatus status) {
        return switch (status) {
            case AI -> "AI";
            case QUEUED -> "Queued";
            case ASSIGNED -> "Assigned";
            case RESOLVED -> "Resolved";
        };
    }

    /**
     * The first-response countdown as first rendered: "responds in 4:12" or "overdue 1:03";
     * workspace.js ticks it every second from {@code data-due}, without asking the server.
     */
    public String countdown(FirstResponse target) {
        long seconds = Duration.between(clock.instant(), target.dueAt()).toSeconds();
        return seconds >= 0 ? "responds in " + clockText(seconds) : "overdue " + clockText(-seconds);
    }

    /** Calm while more than half the target is left (and over a minute), amber after, red when overdue. */
    public String countdownTone(FirstResponse target) {
        Instant now = clock.instant();
        long left = Duration.between(now, target.dueAt()).toSeconds();
        if (left < 0) {
            return "sla-overdue";
        }
        long window = target.waitingSince() == null ? left : Duration.between(target.waitingSince(), target.dueAt())
            .toSeconds();
        return left <= 60 || left * 2 <= window ? "sla-soon" : "sla-ok";
    }

    private static String clockText(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? "%d:%02d:%02d".formatted(h, m, s) : "%d:%02d".formatted(m, s);
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
