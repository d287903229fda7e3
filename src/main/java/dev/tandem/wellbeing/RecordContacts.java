package dev.tandem.wellbeing;

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
import dev.tandem.conversation.ConversationAssigned;
import dev.tandem.conversation.ConversationResolved;
import dev.tandem.conversation.ConversationTransferred;
import dev.tandem.understanding.MessageUnderstanding;
import dev.tandem.understanding.MessageUnderstandings;

/**
 * Contacts from the conversation's own events, after the fact: one starts when an agent is given a conversation
 * (a claim, an automatic assignment, a transfer to them, their reopening it) and ends when it is resolved or moves
 * on to someone else or back to a queue. When it ends it is judged: the signals other modules gave about the
 * conversation, and the customer's frustration as understanding read it while this agent had it.
 */
@Component
class RecordContacts {

    private final WellbeingProperties properties;
    private final Contacts contacts;
    private final Signals signals;
    private final MessageUnderstandings understandings;
    private final Intervene intervene;

    RecordContacts(WellbeingProperties properties, Contacts contacts, Signals signals,
            MessageUnderstandings understandings, Intervene intervene) {
        this.properties = properties;
        this.contacts = contacts;
        this.signals = signals;
        this.understandings = understandings;
        this.intervene = intervene;
    }

    // Analysis only: at low priority, behind the customers' messages, in a transaction of its own; the publication
    // is stored (these events are per conversation, not per message) and retried if this fails.
    @Async(LowPriority.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(ConversationAssigned assigned) {
        if (!properties.enabled()) {
            return;
        }
        if (assigned.previousAssigneeId() != null && !assigned.previousAssigneeId().equals(assigned.assigneeId())) {
            end(assigned.conversationId(), assigned.previousAssigneeId(), assigned.at());
        }
        contacts.start(assigned.assigneeId(), assigned.conversationId(), micros(assigned.at()));
    }

    @Async(LowPriority.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener(condition = "#transferred.fromAssigneeId() != null && #transferred.toAssigneeId() == null")
    void on(ConversationTransferred transferred) {
        if (properties.enabled()) {
            end(transferred.conversationId(), transferred.fromAssigneeId(), transferred.at());
        }
    }

    @Async(LowPriority.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(ConversationResolved resolved) {
        if (properties.enabled()) {
            end(resolved.conversationId(), null, resolved.at());
        }
    }

    /** Ends the open contacts of the conversation ({@code agentId}'s only, when given). */
    private void end(UUID conversationId, UUID agentId, Instant at) {
        Instant ended = micros(at);
        for (Contacts.Contact contact : contacts.open(conversationId)) {
            if (agentId != null && !agentId.equals(contact.agentId())) {
                continue;
            }
            Set<Difficulty> kinds = EnumSet.noneOf(Difficulty.class);
            kinds.addAll(signals.of(conversationId));
            Double peak = understandings.of(conversationId).stream()
                .filter(m -> !m.at().isBefore(contact.startedAt()) && !m.at().isAfter(ended))
                .map(MessageUnderstanding::sentiment).map(s -> s.frustration())
                .max(Double::compare).orElse(null);
            if (peak != null && peak >= properties.difficult().frustrationAt()) {
                kinds.add(Difficulty.FRUSTRATION);
            }
            kinds.retainAll(properties.difficult().kinds());
            if (contacts.end(contact.id(), ended, kinds, peak) && !kinds.isEmpty()) {
                intervene.afterDifficultContact(contact.agentId());
            }
        }
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
