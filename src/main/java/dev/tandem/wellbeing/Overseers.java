package dev.tandem.wellbeing;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;

/**
 * Who may see whose figures, and who is alerted. An agent sees their own; a supervisor those of the agents in their
 * teams (a supervisor in no team oversees every team, as elsewhere in Tandem); an admin everyone's. Alerts go to the
 * supervisors of the agent's teams, else to the supervisors in no team, else to the admins: never to nobody.
 */
@Component
class Overseers {

    private final UserDirectory directory;

    Overseers(UserDirectory directory) {
        this.directory = directory;
    }

    boolean mayView(CurrentUser viewer, UserSummary agent) {
        if (viewer.id().equals(agent.id()) || viewer.hasRole(Role.ADMIN)) {
            return true;
        }
        return viewer.hasRole(Role.SUPERVISOR)
                && (viewer.teamIds().isEmpty() || !Collections.disjoint(viewer.teamIds(), agent.teamIds()));
    }

    boolean overseesOthers(CurrentUser viewer) {
        return viewer.hasRole(Role.ADMIN) || viewer.hasRole(Role.SUPERVISOR);
    }

    /** The agents whose figures the viewer may see, by name (an order that ranks nobody). */
    List<UserSummary> overseen(CurrentUser viewer) {
        if (!overseesOthers(viewer)) {
            return List.of();
        }
        return directory.users().stream()
            .filter(user -> user.enabled() && user.roles().contains(Role.AGENT))
            .filter(user -> mayView(viewer, user))
            .sorted(Comparator.comparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER))
            .toList();
    }

    /** Who is alerted about this agent. */
    Set<UUID> supervisorsOf(UserSummary agent) {
        List<UserSummary> enabled = directory.users().stream().filter(UserSummary::enabled)
            .filter(user -> !user.id().equals(agent.id())).toList();
        List<UserSummary> supervisors = enabled.stream().filter(user -> user.roles().contains(Role.SUPERVISOR)).toList();
        List<UserSummary> ofTheTeam = supervisors.stream()
            .filter(user -> !Collections.disjoint(user.teamIds(), agent.teamIds())).toList();
        if (!ofTheTeam.isEmpty()) {
            return ids(ofTheTeam);
        }
        List<UserSummary> ofAllTeams = supervisors.stream().filter(user -> user.teamIds().isEmpty()).toList();
        if (!ofAllTeams.isEmpty()) {
            return ids(ofAllTeams);
        }
        return ids(enabled.stream().filter(user -> user.roles().contains(Role.ADMIN)).toList());
    }

    private static Set<UUID> ids(List<UserSummary> users) {
        return Set.copyOf(users.stream().map(UserSummary::id).toList());
    }
}
