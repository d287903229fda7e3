package dev.tandem.wellbeing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.ai.LowPriority;
import dev.tandem.escalation.ConversationEscalated;
import dev.tandem.guardrails.InputFlagged;

/**
 * What other modules found about a conversation that makes it hard on its agent: abuse in a customer's message
 * (guardrails' {@link InputFlagged}, published only for the few messages with findings) and a frustrated or
 * vulnerable customer (escalation's reasons). Kept per conversation for the contact's judgement and for routing; a
 * signal that comes shortly after a contact ended (screening runs at low priority) still counts for that contact.
 */
@Component
class RecordSignals {

    private final WellbeingProperties properties;
    private final Signals signals;
    private final Contacts contacts;
    private final AgentStates states;
    private final Intervene intervene;
    private final Clock clock;

    RecordSignals(WellbeingProperties properties, Signals signals, Contacts contacts, AgentStates states,
            Intervene intervene, Clock clock) {
        this.properties = properties;
        this.signals = signals;
        this.contacts = contacts;
        this.states = states;
        this.intervene = intervene;
        this.clock = clock;
    }

    @Async(LowPriority.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener(condition = "#flagged.checks().contains(T(dev.tandem.guardrails.Check).ABUSE)")
    void on(InputFlagged flagged) {
        found(flagged.conversationId(), EnumSet.of(Difficulty.ABUSE), flagged.at());
    }

    @Async(LowPriority.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener(condition = "#escalated.reasons().contains(T(dev.tandem.escalation.EscalationReason).FRUSTRATION)"
            + " || #escalated.reasons().contains(T(dev.tandem.escalation.EscalationReason).VULNERABLE)")
    void on(ConversationEscalated escalated) {
        Set<Difficulty> kinds = EnumSet.noneOf(Difficulty.class);
        escalated.reasons().forEach(reason -> Difficulty.of(reason).ifPresent(kinds::add));
        found(escalated.conversationId(), kinds, escalated.at());
    }

    private void found(UUID conversationId, Set<Difficulty> kinds, Instant at) {
        if (!properties.enabled()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (Difficulty kind : kinds) {
            if (!signals.add(conversationId, kind, at.truncatedTo(ChronoUnit.MICROS))) {
                continue;
            }
            states.difficult(conversationId, kind);
            if (!properties.difficult().kinds().contains(kind)) {
                continue;
            }
            for (Contacts.Contact late : contacts.endedSince(conversationId, now.minus(properties.difficult().lateSignalsWithin()))) {
                if (late.difficulty().contains(kind)) {
                    continue;
                }
                Set<Difficulty> judged = EnumSet.of(kind);
                judged.addAll(late.difficulty());
                contacts.difficulty(late.id(), judged);
                if (!late.difficult()) {
                    intervene.afterDifficultContact(late.agentId());
                }
            }
        }
    }
}
