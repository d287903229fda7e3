package dev.tandem.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.identity.IdentityEvents.UserSignedOut;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * An agent who closes the laptop stays ONLINE forever unless something notices: one node of the
 * cluster looks every {@code tandem.routing.check-every} for ONLINE or AWAY agents not seen for
 * {@code tandem.routing.presence.offline-after} and sets them OFFLINE, one guarded update each (so an
 * agent seen in between stays), announced with {@link AgentPresence.PresenceChanged} (the audit log
 * takes it from there). Signing out takes the agent offline at once.
 */
@Component
class PresenceWatch {

    private final AgentPresence presence;
    private final Duration offlineAfter;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PresenceWatch(AgentPresence presence, RoutingProperties properties, TransactionTemplate transactions,
            Clock clock) {
        this.presence = presence;
        this.offlineAfter = properties.presence().offlineAfter();
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tandem.routing.check-every:PT15S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "routing-presence-watch", lockAtMostFor = "PT5M")
    void check() {
        timeOutUnseen();
    }

    /** @return how many agents it took offline */
    int timeOutUnseen() {
        Instant cutoff = clock.instant().minus(offlineAfter);
        int timedOut = 0;
        for (UUID agent : presence.unseenSince(cutoff)) {
            Optional<AgentPresence.PresenceChanged> changed = transactions.execute(tx -> presence.timeOut(agent, cutoff));
            timedOut += changed != null && changed.isPresent() ? 1 : 0;
        }
        return timedOut;
    }

    @ApplicationModuleListener
    void on(UserSignedOut signedOut) {
        if (signedOut.userId() != null) {
            presence.signedOut(signedOut.userId());
        }
    }
}
