package dev.tandem.wellbeing;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The reasons of interventions in words an agent reads. */
final class Words {

    private Words() {
    }

    /** "2 hours", "30 minutes", "1 day", "90 seconds" */
    static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** "abusive language ×2, high frustration" for these contacts' difficulties */
    static String kinds(Collection<Contacts.Contact> contacts) {
        Map<Difficulty, Integer> counts = new EnumMap<>(Difficulty.class);
        contacts.forEach(c -> c.difficulty().forEach(kind -> counts.merge(kind, 1, Integer::sum)));
        return counts.entrySet().stream()
            .map(e -> e.getKey().words() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
            .collect(Collectors.joining(", "));
    }
}
