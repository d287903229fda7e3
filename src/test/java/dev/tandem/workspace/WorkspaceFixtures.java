package dev.tandem.workspace;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;


import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.Role;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

/** Teams, people and conversations with unique names, since all tests share one application. */
final class WorkspaceFixtures {

    static final String PASSWORD = "password-for-workspace-tests";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Teams teams;
    private final UserAccounts accounts;
    private final StartConversation start;

    WorkspaceFixtures(Teams teams, UserAccounts accounts, StartConversation start) {
        this.teams = teams;
        this.accounts = accounts;
        this.start = start;
    }

    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    Team team() {
        return teams.create(unique("team"), "test");
    }

    UserSummary agent(String name, Team team) {
        return user(name, Set.of(Role.AGENT), Set.of(team.id()));
    }

    UserSummary supervisor(String name) {
        return user(name, Set.of(Role.SUPERVISOR, Role.AGENT), Set.of());
    }

    private UserSummary user(String name, Set<Role> roles, Set<UUID> teamIds) {
        String username = unique(name.toLowerCase().replace(' ', '.'));
        return accounts.create(new UserAccounts.NewUser(username, name, null, PASSWORD, roles, teamIds, Set.of("en"),
                Set.of(), 5), "test");
    }

    UUID conversation(String customer, Team team, String text) {
        return start.start(new StartConversation.Command(
                new StartConversation.CustomerDetails(customer, null, null), text, null, "widget", team.id(),
                ConversationStatus.QUEUED)).conversation().id();
    }

}
