package dev.tandem.wellbeing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every threshold of the wellbeing module ({@code tandem.wellbeing.*}, documented in the README).
 *
 * @param enabled whether contacts are recorded and interventions made at all
 * @param windows the rolling windows the figures are shown for
 * @param difficult which kinds of difficulty count ({@link Difficulty}), and from which frustration on
 * @param breaks the suggested break
 * @param fewerDifficult sharing difficult conversations out to colleagues
 * @param alert the alert to the agent's supervisors
 * @param refreshEvery how often each node re-reads the state routing asks about (breaks, who to spare): changes
 *     made on another node reach this one's routing within this time
 */
@ConfigurationProperties("tandem.wellbeing")
record WellbeingProperties(Boolean enabled, List<Duration> windows, Difficult difficult, Breaks breaks,
        FewerDifficult fewerDifficult, Alert alert, Duration refreshEvery) {

    WellbeingProperties {
        enabled = enabled == null || enabled;
        windows = windows == null || windows.isEmpty()
                ? List.of(Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(7)) : List.copyOf(windows);
        difficult = difficult == null ? new Difficult(null, null, null) : difficult;
        breaks = breaks == null ? new Breaks(null, null, null) : breaks;
        fewerDifficult = fewerDifficult == null ? new FewerDifficult(null, null, null) : fewerDifficult;
        alert = alert == null ? new Alert(null, null) : alert;
        refreshEvery = positive(refreshEvery, Duration.ofSeconds(10));
    }

    /** The longest window: how far back the figures read. */
    Duration longestWindow() {
        return windows.stream().max(Duration::compareTo).orElseThrow();
    }

    /**
     * @param kinds the kinds that make a contact difficult
     * @param frustrationAt a customer message read at least this frustrated while the agent had the conversation
     *     makes it a frustrating contact; 0.65 is where the escalation policy hands over for frustration
     * @param lateSignalsWithin abuse found in a message after its contact ended (screening runs at low priority)
     *     still counts for that contact when the contact ended at most this long before
     */
    record Difficult(Set<Difficulty> kinds, Double frustrationAt, Duration lateSignalsWithin) {

        Difficult {
            kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(Difficulty.class) : Set.copyOf(kinds);
            frustrationAt = frustrationAt == null ? 0.65 : frustrationAt;
            lateSignalsWithin = positive(lateSignalsWithin, Duration.ofMinutes(10));
        }
    }

    /**
     * @param after a break is suggested after this many difficult contacts in a run (since the last break was
     *     taken or declined, and within {@code within})
     * @param within how far back a run reaches
     * @param length how long the suggested break is; taking it pauses new assignments for that long
     */
    record Breaks(Integer after, Duration within, Duration length) {

        Breaks {
            after = after == null || after < 1 ? 3 : after;
            within = positive(within, Duration.ofHours(2));
            length = positive(length, Duration.ofMinutes(10));
        }
    }

    /**
     * @param after an agent with this many difficult contacts within {@code within} gets difficult conversations
     *     only when no colleague can take them...
     * @param within ...
     * @param lasts ...for this long after the last of them
     */
    record FewerDifficult(Integer after, Duration within, Duration lasts) {

        FewerDifficult {
            after = after == null || after < 1 ? 2 : after;
            within = positive(within, Duration.ofMinutes(30));
            lasts = positive(lasts, Duration.ofMinutes(30));
        }
    }

    /**
     * @param after the agent's supervisors are alerted at this many difficult contacts within {@code within}; at
     *     most one alert per agent within that time
     * @param within ...
     */
    record Alert(Integer after, Duration within) {

        Alert {
            after = after == null || after < 1 ? 5 : after;
            within = positive(within, Duration.ofHours(2));
        }
    }

    private static Duration positive(Duration value, Duration otherwise) {
        return value == null || value.isNegative() || value.isZero() ? otherwise : value;
    }
}
