package dev.tandem.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationResolved;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.conversation.MessagePosted;
import dev.tandem.conversation.ResponseTargets;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * One node of the cluster looks every {@code tandem.routing.check-every} for first-response targets
 * that passed without a reply: each is marked once (the mark is an atomic update, so even two nodes
 * without the lock could not mark it twice), recorded, and announced with {@link FirstResponseMissed}
 * (the audit log and the supervisors' alert take it from there). With auto-assignment on, it also
 * offers waiting conversations again, since an agent may have come online or finished one.
 */
@Component
class FirstResponseWatch {

    private static final int BATCH = 200;

    private final ResponseTargets targets;
    private final SlaBreaches breaches;
    private final ConversationQueries conversations;
    private final RoutingDecisions decisions;
    private final AutoAssignment autoAssignment;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FirstResponseWatch(ResponseTargets targets, SlaBreaches breaches, ConversationQueries conversations,
            RoutingDecisions decisions, AutoAssignment autoAssignment, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock) {
        this.targets = targets;
        this.breaches = breaches;
        this.conversations = conversations;
        this.decisions = decisions;
        this.autoAssignment = autoAssignment;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tandem.routing.check-every:PT15S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "routing-first-response-watch", lockAtMostFor = "PT5M")
    void check() {
        markMissed(clock.instant());
        assignWaiting();
    }

    /** @param asOf targets before this instant count as missed @return how many were marked */
    int markMissed(Instant asOf) {
        int marked = 0;
        for (ConversationSummary conversation : targets.pastDue(asOf, BATCH)) {
            Boolean done = transactions.execute(tx -> {
                Instant now = clock.instant();
                if (!targets.markBreached(conversation.id(), now)) {
                    return false;
                }
                var missed = new FirstResponseMissed(conversation.id(), conversation.teamId(), conversation.priority(),
                        conversation.firstResponse().dueAt(), now);
                breaches.record(missed);
                events.publishEvent(missed);
                return true;
            });
            marked += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return marked;
    }

    void assignWaiting() {
        for (UUID team : autoAssignment.teamsWithRoom()) {
            for (ConversationSummary waiting : conversations.queued(team, BATCH)) {
                UUID id = waiting.id();
                var needs = decisions.latest(id).map(RoutingDecisions.Decision::requirements)
                    .map(r -> new LeastLoaded.Requirements(team, r.language(), r.skill()))
                    .orElse(new LeastLoaded.Requirements(team, null, null));
                transactions.executeWithoutResult(tx -> autoAssignment.assign(id, needs));
            }
        }
    }

    /** The first reply closes the conversation's open breach, in the reply's own transaction. */
    @EventListener
    void on(MessagePosted posted) {
        if (posted.message().author() == AuthorType.AGENT && !posted.message().internal()) {
            breaches.answered(posted.conversationId(), posted.message().createdAt());
        }
    }

    @EventListener
    void on(ConversationResolved resolved) {
        breaches.answered(resolved.conversationId(), resolved.at());
    }
}
