package dev.tandem.wellbeing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.tandem.identity.UserDirectory;
import dev.tandem.wellbeing.Intervention.Kind;
import dev.tandem.wellbeing.Intervention.Status;

/**
 * After a contact turned out difficult, decides what to do for its agent, each by its own threshold: share out
 * difficult conversations for a while, suggest a break after a run of them, alert the supervisors. Runs in the
 * caller's transaction (a listener's, after the fact).
 */
@Service
class Intervene {

    private static final Logger log = LoggerFactory.getLogger(Intervene.class);

    private final WellbeingProperties properties;
    private final Contacts contacts;
    private final Interventions interventions;
    private final AgentStates states;
    private final Overseers overseers;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Intervene(WellbeingProperties properties, Contacts contacts, Interventions interventions, AgentStates states,
            Overseers overseers, UserDirectory directory, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.contacts = contacts;
        this.interventions = interventions;
        this.states = states;
        this.overseers = overseers;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    void afterDifficultContact(UUID agentId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Duration reach = Stream.of(properties.breaks().within(), properties.fewerDifficult().within(),
                properties.alert().within()).max(Duration::compareTo).orElseThrow();
        List<Contacts.Contact> difficult = contacts.difficultSince(agentId, now.minus(reach));
        shareOut(agentId, difficult, now);
        suggestBreak(agentId, difficult, now);
        alert(agentId, difficult, now);
    }

    private void shareOut(UUID agentId, List<Contacts.Contact> difficult, Instant now) {
        var rule = properties.fewerDifficult();
        List<Contacts.Contact> recent = endedSince(difficult, now.minus(rule.within()));
        if (recent.size() < rule.after()) {
            return;
        }
        Instant until = now.plus(rule.lasts());
        String reason = Words.plural(recent.size(), "difficult contact") + " in the last " + Words.duration(rule.within())
                + " (" + Words.kinds(recent) + "). For the next " + Words.duration(rule.lasts())
                + ", difficult conversations go to a colleague first when one is free; you still get them when nobody else can take them.";
        Optional<Intervention> current = interventions.latest(agentId, Kind.FEWER_DIFFICULT).filter(i -> i.inEffect(now));
        if (current.isPresent()) {
            interventions.extend(current.get().id(), until, reason);
        }
        else {
            interventions.insert(agentId, Kind.FEWER_DIFFICULT, Status.ACTIVE, reason, now, null, until);
        }
        states.spareUntil(agentId, until);
    }

    private void suggestBreak(UUID agentId, List<Contacts.Contact> difficult, Instant now) {
        var rule = properties.breaks();
        Optional<Intervention> last = interventions.latest(agentId, Kind.BREAK);
        if (last.isPresent() && last.get().status() == Status.SUGGESTED) {
            return; // one suggestion at a time: the agent has not answered the last one yet
        }
        Instant runStart = now.minus(rule.within());
        if (last.isPresent()) {
            Intervention previous = last.get();
            // a run starts again after a break, or after the agent said no to one
            Instant after = previous.status() == Status.TAKEN && previous.until() != null ? previous.until()
                    : previous.decidedAt() != null ? previous.decidedAt() : previous.createdAt();
            runStart = after.isAfter(runStart) ? after : runStart;
        }
        List<Contacts.Contact> run = endedSince(difficult, runStart);
        if (run.size() < rule.after()) {
            return;
        }
        long minutes = Math.max(1, rule.length().toMinutes());
        String reason = Words.plural(run.size(), "difficult contact") + " in a row without a break (" + Words.kinds(run)
                + "). A " + minutes + "-minute break is suggested: taking it pauses new assignments for that long.";
        Intervention made = interventions.insert(agentId, Kind.BREAK, Status.SUGGESTED, reason, now, (int) minutes, null);
        log.info("Wellbeing: break suggested to agent {}", agentId);
        events.publishEvent(new WellbeingNotice(made.id(), agentId, Kind.BREAK, Set.of(agentId), now));
    }

    private void alert(UUID agentId, List<Contacts.Contact> difficult, Instant now) {
        var rule = properties.alert();
        List<Contacts.Contact> recent = endedSince(difficult, now.minus(rule.within()));
        if (recent.size() < rule.after()) {
            return;
        }
        boolean alertedLately = interventions.latest(agentId, Kind.SUPERVISOR_ALERT)
            .filter(i -> i.createdAt().isAfter(now.minus(rule.within()))).isPresent();
        if (alertedLately) {
            return;
        }
        var agent = directory.user(agentId);
        if (agent.isEmpty()) {
            return;
        }
        String reason = agent.get().displayName() + " had " + Words.plural(recent.size(), "difficult contact")
                + " in the last " + Words.duration(rule.within()) + " (" + Words.kinds(recent)
                + "). A word of support or a change of tasks may help.";
        Intervention made = interventions.insert(agentId, Kind.SUPERVISOR_ALERT, Status.OPEN, reason, now, null, null);
        Set<UUID> supervisors = overseers.supervisorsOf(agent.get());
        log.info("Wellbeing: {} supervisor(s) alerted about agent {}", supervisors.size(), agentId);
        events.publishEvent(new WellbeingNotice(made.id(), agentId, Kind.SUPERVISOR_ALERT, supervisors, now));
    }

    private static List<Contacts.Contact> endedSince(List<Contacts.Contact> difficult, Instant since) {
        return difficult.stream().filter(c -> c.endedAt() != null && c.endedAt().isAfter(since)).toList();
    }
}
