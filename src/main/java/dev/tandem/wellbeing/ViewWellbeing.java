package dev.tandem.wellbeing;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;

/** Whose figures a person may see: their own, and a supervisor their teams' (see {@link Overseers}). */
@Service
class ViewWellbeing {

    private final AgentFigures figures;
    private final Overseers overseers;
    private final UserDirectory directory;
    private final Interventions interventions;

    ViewWellbeing(AgentFigures figures, Overseers overseers, UserDirectory directory, Interventions interventions) {
        this.figures = figures;
        this.overseers = overseers;
        this.directory = directory;
        this.interventions = interventions;
    }

    /**
     * The latest break of the viewer, for the banner every workspace page re-reads: one query, not the figures.
     */
    java.util.Optional<Intervention> latestBreak(CurrentUser me) {
        return interventions.latest(me.id(), Intervention.Kind.BREAK);
    }

    AgentWellbeing mine(CurrentUser me) {
        return figures.of(directory.user(me.id())
            .orElseThrow(() -> WellbeingProblems.notFound("Your account was not found.")));
    }

    AgentWellbeing of(CurrentUser viewer, UUID agentId) {
        UserSummary agent = directory.user(agentId)
            .orElseThrow(() -> WellbeingProblems.notFound("No agent " + agentId + "."));
        if (!overseers.mayView(viewer, agent)) {
            throw WellbeingProblems.forbidden(
                    "Wellbeing figures are visible only to the agent, the supervisors of their teams and admins.");
        }
        return figures.of(agent);
    }

    /** The viewer's team, by name: supervisors and admins only. */
    List<AgentWellbeing> team(CurrentUser viewer) {
        if (!overseers.overseesOthers(viewer)) {
            throw WellbeingProblems.forbidden("Only supervisors and admins see their team's wellbeing; you can see your own.");
        }
        return overseers.overseen(viewer).stream().map(figures::of).toList();
    }

    boolean overseesOthers(CurrentUser viewer) {
        return overseers.overseesOthers(viewer);
    }
}
