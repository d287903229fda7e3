package dev.tandem.wellbeing;

import java.time.temporal.ChronoUnit;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.ai.LowPriority;
import dev.tandem.routing.AgentPresence.PresenceChanged;
import dev.tandem.routing.PresenceStatus;

/** Time online from routing's presence changes (a few a day per agent). */
@Component
class RecordOnlineTime {

    private final WellbeingProperties properties;
    private final OnlineTime online;

    RecordOnlineTime(WellbeingProperties properties, OnlineTime online) {
        this.properties = properties;
        this.online = online;
    }

    @Async(LowPriority.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(PresenceChanged changed) {
        if (!properties.enabled()) {
            return;
        }
        var at = changed.at().truncatedTo(ChronoUnit.MICROS);
        if (changed.status() == PresenceStatus.ONLINE) {
            online.online(changed.userId(), at);
        }
        else {
            // a timeout ends the stretch when the agent was last seen, not when the watch noticed
            online.offline(changed.userId(), changed.lastSeenAt() != null && changed.lastSeenAt().isBefore(at)
                    ? changed.lastSeenAt().truncatedTo(ChronoUnit.MICROS) : at);
        }
    }
}
