package dev.tandem.identity;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in member of the support team, as other modules see them. Controllers receive it
 * as a method argument.
 */
public record CurrentUser(UUID id, String username, String displayName, Set<Role> roles, Set<UUID> teamIds) {

    public CurrentUser {
        roles = Set.copyOf(roles);
        teamIds = Set.copyOf(teamIds);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Supervisors and admins oversee every team; agents see only the conversations of their own teams. */
    public boolean seesAllTeams() {
        return hasRole(Role.ADMIN) || hasRole(Role.SUPERVISOR);
    }

    public boolean canSeeTeam(UUID teamId) {
        return teamId == null || seesAllTeams() || teamIds.contains(teamId);
    }
}
