package dev.tandem.wellbeing;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;
import dev.tandem.wellbeing.Intervention.Kind;
import dev.tandem.wellbeing.Intervention.Status;

/** The alerts about the agents a supervisor oversees: the open ones, and acknowledging one. */
@Service
class SupervisorAlerts {

    private final Interventions interventions;
    private final Overseers overseers;
    private final UserDirectory directory;
    private final Clock clock;

    SupervisorAlerts(Interventions interventions, Overseers overseers, UserDirectory directory, Clock clock) {
        this.interventions = interventions;
        this.overseers = overseers;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Intervention> open(CurrentUser supervisor) {
        return interventions.openAlerts(overseers.overseen(supervisor).stream().map(UserSummary::id).toList());
    }

    @Transactional
    Intervention acknowledge(CurrentUser supervisor, UUID id) {
        Intervention alert = interventions.find(id).filter(i -> i.kind() == Kind.SUPERVISOR_ALERT)
            .orElseThrow(() -> WellbeingProblems.notFound("No wellbeing alert " + id + "."));
        UserSummary agent = directory.user(alert.agentId())
            .orElseThrow(() -> WellbeingProblems.notFound("No wellbeing alert " + id + "."));
        if (!overseers.overseesOthers(supervisor) || !overseers.mayView(supervisor, agent)) {
            throw WellbeingProblems.forbidden("Only the agent's supervisors and admins acknowledge an alert about them.");
        }
        if (alert.status() != Status.OPEN) {
            return alert;
        }
        if (!interventions.decide(alert, Status.ACKNOWLEDGED, clock.instant().truncatedTo(ChronoUnit.MICROS),
                supervisor.username(), null)) {
            throw WellbeingProblems.conflict("The alert changed meanwhile; reload and try again.");
        }
        return interventions.find(id).orElseThrow();
    }
}
