package dev.tandem.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.identity.Team;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;

/**
 * Names of users and teams, read once per request: a list of a hundred conversations then costs
 * two queries for its names, not two hundred.
 */
record People(Map<UUID, UserSummary> users, Map<UUID, Team> teams) {

    static People load(UserDirectory directory) {
        Map<UUID, UserSummary> users = new HashMap<>();
        directory.users().forEach(user -> users.put(user.id(), user));
        Map<UUID, Team> teams = new HashMap<>();
        directory.teams().forEach(team -> teams.put(team.id(), team));
        return new People(users, teams);
    }

    String userName(UUID id) {
        if (id == null) {
            return null;
        }
        UserSummary user = users.get(id);
        return user == null ? "Former colleague" : user.displayName();
    }

    String teamName(UUID id) {
        if (id == null) {
            return null;
        }
        Team team = teams.get(id);
        return team == null ? "Deleted team" : team.name();
    }

    List<Team> sortedTeams() {
        return teams.values().stream().sorted(java.util.Comparator.comparing(t -> t.name().toLowerCase())).toList();
    }

    /** Who a conversation can be handed to: active agents and supervisors, by name. */
    List<UserSummary> agents() {
        return users.values().stream().filter(UserSummary::enabled).filter(UserSummary::isAgent)
            .sorted(java.util.Comparator.comparing(u -> u.displayName().toLowerCase())).toList();
    }

    public String teamNames(UserSummary user) {
        return user.teamIds().stream().map(this::teamName).sorted().reduce((a, b) -> a + ", " + b).orElse("no team");
    }
}
