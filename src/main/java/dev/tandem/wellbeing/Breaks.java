package dev.tandem.wellbeing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.CurrentUser;
import dev.tandem.wellbeing.Intervention.Kind;
import dev.tandem.wellbeing.Intervention.Status;

/**
 * The agent answers a suggested break: takes it (no new conversations are assigned to them automatically until it
 * ends; what they have stays theirs) or dismisses it; a break taken can be ended early. Only the agent themselves.
 */
@Service
class Breaks {

    private final Interventions interventions;
    private final AgentStates states;
    private final Clock clock;

    Breaks(Interventions interventions, AgentStates states, Clock clock) {
        this.interventions = interventions;
        this.states = states;
        this.clock = clock;
    }

    @Transactional
    Intervention take(CurrentUser agent, UUID id) {
        Intervention suggested = suggestion(agent, id);
        Instant now = now();
        Instant until = now.plus(Duration.ofMinutes(suggested.minutes() == null ? 10 : suggested.minutes()));
        if (!interventions.decide(suggested, Status.TAKEN, now, agent.username(), until)) {
            throw WellbeingProblems.conflict("The suggestion changed meanwhile; reload and try again.");
        }
        states.onBreak(agent.id(), until);
        return interventions.find(id).orElseThrow();
    }

    @Transactional
    Intervention dismiss(CurrentUser agent, UUID id) {
        Intervention suggested = suggestion(agent, id);
        if (!interventions.decide(suggested, Status.DISMISSED, now(), agent.username(), null)) {
            throw WellbeingProblems.conflict("The suggestion changed meanwhile; reload and try again.");
        }
        return interventions.find(id).orElseThrow();
    }

    /** Back before the break's end: assignments resume at once. */
    @Transactional
    Intervention endEarly(CurrentUser agent) {
        Instant now = now();
        Intervention taken = interventions.latest(agent.id(), Kind.BREAK).filter(i -> i.inEffect(now))
            .orElseThrow(() -> WellbeingProblems.conflict("You are not on a break."));
        if (!interventions.decide(taken, Status.TAKEN, taken.decidedAt(), agent.username(), now)) {
            throw WellbeingProblems.conflict("The break changed meanwhile; reload and try again.");
        }
        states.onBreak(agent.id(), null);
        return interventions.find(taken.id()).orElseThrow();
    }

    private Intervention suggestion(CurrentUser agent, UUID id) {
        Intervention found = interventions.find(id).filter(i -> i.kind() == Kind.BREAK)
            .orElseThrow(() -> WellbeingProblems.notFound("No break suggestion " + id + "."));
        if (!found.agentId().equals(agent.id())) {
            throw WellbeingProblems.forbidden("Only the agent it was suggested to can take or dismiss a break.");
        }
        if (found.status() != Status.SUGGESTED) {
            throw WellbeingProblems.conflict("This break was already " + found.status().name().toLowerCase() + ".");
        }
        return found;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
