package dev.tandem.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Teams with how many people are in each, for the admin views. */
@Component
@Transactional(readOnly = true)
class TeamRoster {

    private final UserDirectory directory;

    TeamRoster(UserDirectory directory) {
        this.directory = directory;
    }

    record TeamWithMembers(Team team, long memberCount) {
    }

    List<TeamWithMembers> teams() {
        List<UserSummary> users = directory.users();
        return directory.teams().stream()
            .map(team -> new TeamWithMembers(team, users.stream().filter(u -> u.teamIds().contains(team.id())).count()))
            .toList();
    }

    long memberCount(UUID teamId) {
        return directory.users().stream().filter(u -> u.teamIds().contains(teamId)).count();
    }
}
