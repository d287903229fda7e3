package dev.tandem.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the support team: who is who, in which teams, with which languages and skills. */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

    private final UserRepository users;
    private final TeamRepository teams;

    UserDirectory(UserRepository users, TeamRepository teams) {
        this.users = users;
        this.teams = teams;
    }

    public Optional<UserSummary> user(UUID id) {
        return users.summaryById(id);
    }

    public Optional<UserSummary> userByUsername(String username) {
        return users.summaryByUsername(username);
    }

    public List<UserSummary> users() {
        return users.allSummaries();
    }

    public List<UserSummary> agents() {
        return users.allSummaries().stream().filter(UserSummary::isAgent).filter(UserSummary::enabled).toList();
    }

    public List<Team> teams() {
        return teams.findAll();
    }

    public Optional<Team> team(UUID id) {
        return teams.findById(id);
    }

    public Optional<Team> teamByName(String name) {
        return teams.findByName(name);
    }
}
