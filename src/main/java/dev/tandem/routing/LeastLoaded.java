package dev.tandem.routing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.tandem.identity.Role;
import dev.tandem.identity.UserSummary;

/**
 * Who should get a waiting conversation: among the qualified agents (in its team, online, with room,
 * speaking the customer's language and having any required skill), the one with the fewest open
 * conversations; on a tie the one with the most room left, then by user name so the choice is
 * repeatable.
 */
final class LeastLoaded {

    /** What the agent needs; {@code teamId}, {@code language} and {@code skill} may be null (anyone). */
    record Requirements(UUID teamId, String language, String skill) {
    }

    private LeastLoaded() {
    }

    static List<UserSummary> ranked(Collection<UserSummary> agents, Map<UUID, Long> loads,
            Map<UUID, PresenceStatus> presence, Requirements needs) {
        return agents.stream()
            .filter(agent -> qualified(agent, loads, presence, needs))
            .sorted(Comparator.<UserSummary>comparingLong(agent -> load(loads, agent))
                .thenComparingDouble(agent -> (double) load(loads, agent) / agent.maxConcurrent())
                .thenComparing(UserSummary::username))
            .toList();
    }

    static boolean qualified(UserSummary agent, Map<UUID, Long> loads, Map<UUID, PresenceStatus> presence,
            Requirements needs) {
        return agent.enabled() && agent.roles().contains(Role.AGENT)
                && (needs.teamId() == null || agent.teamIds().contains(needs.teamId()))
                && presence.getOrDefault(agent.id(), PresenceStatus.OFFLINE) == PresenceStatus.ONLINE
                && load(loads, agent) < agent.maxConcurrent()
                && (needs.language() == null || containsIgnoringCase(agent.languages(), needs.language()))
                && (needs.skill() == null || containsIgnoringCase(agent.skills(), needs.skill()));
    }

    private static long load(Map<UUID, Long> loads, UserSummary agent) {
        return loads.getOrDefault(agent.id(), 0L);
    }

    private static boolean containsIgnoringCase(Collection<String> values, String wanted) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        return values.stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).equals(lower));
    }
}
