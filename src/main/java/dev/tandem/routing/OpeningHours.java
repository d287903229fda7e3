package dev.tandem.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.routing.RoutingProperties.BusinessHours;

/** Whether people answer now, and the hours in words for the customer. */
final class OpeningHours {

    private final BusinessHours hours;

    OpeningHours(BusinessHours hours) {
        this.hours = hours;
    }

    boolean openAt(Instant instant) {
        if (!hours.enabled()) {
            return true;
        }
        ZonedDateTime local = instant.atZone(hours.zone());
        if (!hours.days().contains(local.getDayOfWeek())) {
            return false;
        }
        var time = local.toLocalTime();
        return !time.isBefore(hours.from()) && time.isBefore(hours.to());
    }

    /** "Monday–Friday 09:00–17:00 (Europe/Paris)", day names in the customer's language. */
    String describe(String language) {
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        List<String> spans = new ArrayList<>();
        DayOfWeek start = null;
        DayOfWeek previous = null;
        for (DayOfWeek day : DayOfWeek.values()) {
            if (hours.days().contains(day)) {
                if (start == null) {
                    start = day;
                }
                previous = day;
            }
            else if (start != null) {
                spans.add(span(start, previous, locale));
                start = null;
            }
        }
        if (start != null) {
            spans.add(span(start, previous, locale));
        }
        String days = spans.isEmpty() ? "" : String.join(", ", spans) + " ";
        return days + hours.from() + "–" + hours.to() + " (" + hours.zone().getId() + ")";
    }

    private static String span(DayOfWeek from, DayOfWeek to, Locale locale) {
        String first = from.getDisplayName(TextStyle.FULL, locale);
        return from == to ? first : first + "–" + to.getDisplayName(TextStyle.FULL, locale);
    }
}
