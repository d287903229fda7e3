package dev.tandem;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tandem.identity.Role;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

/** Fresh teams and users with unique names, so that tests never share data. */
public final class TestAccounts {

    public static final String PASSWORD = "a-password-for-tests";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserAccounts accounts;
    private final Teams teams;

    public TestAccounts(UserAccounts accounts, Teams teams) {
        this.accounts = accounts;
        this.teams = teams;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + SEQUENCE.incrementAndGet();
    }

    public Team team(String prefix) {
        return teams.create(unique(prefix), "tests");
    }

    public UserSummary user(String prefix, Set<Role> roles, Team... memberOf) {
        var teamIds = new java.util.HashSet<UUID>();
        for (Team team : memberOf) {
            teamIds.add(team.id());
        }
        String username = unique(prefix).toLowerCase();
        return accounts.create(new UserAccounts.NewUser(username, "Test " + username, username + "@tandem.test",
                PASSWORD, roles, teamIds, Set.of("en"), Set.of(), 10), "tests");
    }

    public UserSummary agent(Team... memberOf) {
        return user("agent", Set.of(Role.AGENT), memberOf);
    }

    public UserSummary supervisor() {
        return user("supervisor", Set.of(Role.SUPERVISOR));
    }

    public UserSummary curator() {
        return user("curator", Set.of(Role.CURATOR));
    }
}
