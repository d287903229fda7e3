package dev.tandem.insight.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.tandem.insight.Outcome;

/**
 * What one conversation adds to the rollups: the key of its rollup row and its measures, derived from its outcome
 * row, its escalation reasons and whether the assistant left a question unanswered. Free of storage, so that the
 * events and the rebuild derive it alike.
 */
record Contribution(UUID conversationId, Key key, String topic, Outcome outcome, boolean verified,
        boolean escalated, Long firstResponseSeconds, Long reliefSeconds, Integer csat, boolean gap,
        boolean repeatedFacts, boolean repeatContact, Set<String> reasons) {

    /** No team, no agent. */
    static final UUID NONE = new UUID(0, 0);

    /** The columns of {@code dashboard_day} that sum, in the order of {@link #measures()}. */
    static final List<String> MEASURES = List.of("conversations", "still_open", "reopened", "ai_resolved",
            "human_resolved", "abandoned", "verified", "escalated", "first_response_n", "first_response_sum",
            "relief_n", "relief_sum", "relief_1m", "relief_5m", "relief_1h", "relief_1d", "relief_more", "csat_n",
            "csat_sum", "csat_1", "csat_2", "csat_3", "csat_4", "csat_5", "gaps", "repeated_facts", "repeat_contacts");

    /** Upper bounds of the time-to-relief buckets, in seconds (the last bucket is everything longer). */
    static final long[] RELIEF_BUCKETS = { 60, 5 * 60, 60 * 60, 24 * 60 * 60 };

    /** A rollup row's dimensions; never null, so that they can be a primary key. */
    record Key(LocalDate day, UUID teamId, UUID agentId, String channel, String language) {

        Key {
            teamId = teamId == null ? NONE : teamId;
            agentId = agentId == null ? NONE : agentId;
            channel = channel == null ? "" : channel;
            language = language == null ? "" : language;
        }
    }

    Contribution {
        topic = topic == null ? "" : topic;
        reasons = Set.copyOf(new TreeSet<>(reasons));
    }

    long[] measures() {
        long[] m = new long[MEASURES.size()];
        m[0] = 1;
        m[1] = outcome == Outcome.OPEN ? 1 : 0;
        m[2] = outcome == Outcome.REOPENED ? 1 : 0;
        m[3] = outcome == Outcome.AI_RESOLVED ? 1 : 0;
        m[4] = outcome == Outcome.HUMAN_RESOLVED ? 1 : 0;
        m[5] = outcome == Outcome.ABANDONED ? 1 : 0;
        m[6] = verified ? 1 : 0;
        m[7] = escalated ? 1 : 0;
        if (firstResponseSeconds != null) {
            m[8] = 1;
            m[9] = firstResponseSeconds;
        }
        if (reliefSeconds != null) {
            m[10] = 1;
            m[11] = reliefSeconds;
            int bucket = 0;
            while (bucket < RELIEF_BUCKETS.length && reliefSeconds > RELIEF_BUCKETS[bucket]) {
                bucket++;
            }
            m[12 + bucket] = 1;
        }
        if (csat != null && csat >= 1 && csat <= 5) {
            m[17] = 1;
            m[18] = csat;
            m[18 + csat] = 1;
        }
        m[24] = gap ? 1 : 0;
        m[25] = repeatedFacts ? 1 : 0;
        m[26] = repeatContact ? 1 : 0;
        return m;
    }

    /** The reasons as stored: sorted, comma-separated. */
    String reasonList() {
        return String.join(",", new TreeSet<>(reasons));
    }

    static Set<String> reasons(String stored) {
        return stored == null || stored.isBlank() ? Set.of() : Set.of(stored.split(","));
    }
}
