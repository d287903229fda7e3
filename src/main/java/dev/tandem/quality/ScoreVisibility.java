package dev.tandem.quality;

import java.util.Collections;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;
import dev.tandem.identity.UserDirectory;

/**
 * Who may see one person's scores: the person, their supervisor (a supervisor who shares a team with them, or one
 * with no team, who oversees every team as in the inbox) and admins. Nobody else, and never another agent: scores
 * are for coaching, not for ranking colleagues. Team views show aggregates only.
 */
@Component
class ScoreVisibility {

    private final UserDirectory users;

    ScoreVisibility(UserDirectory users) {
        this.users = users;
    }

    boolean canSee(CurrentUser viewer, UUID agentId) {
        if (agentId == null) {
            return viewer.seesAllTeams();
        }
        if (viewer.id().equals(agentId) || viewer.hasRole(Role.ADMIN)) {
            return true;
        }
        if (!viewer.hasRole(Role.SUPERVISOR)) {
            return false;
        }
        if (viewer.teamIds().isEmpty()) {
            return true;
        }
        return users.user(agentId).map(agent -> !Collections.disjoint(agent.teamIds(), viewer.teamIds())).orElse(false);
    }

    void check(CurrentUser viewer, UUID agentId) {
        if (!canSee(viewer, agentId)) {
            throw QualityProblems.forbidden("Quality scores are visible only to the agent they are about, their supervisor "
                    + "and admins.");
        }
    }

    static boolean supervises(CurrentUser viewer) {
        return viewer.hasRole(Role.SUPERVISOR) || viewer.hasRole(Role.ADMIN);
    }
}
