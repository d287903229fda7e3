package dev.tandem.live;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** One node: live views on this node are all there is. */
@Component
@ConditionalOnProperty(name = "tandem.cluster.live-updates", havingValue = "local", matchIfMissing = true)
class LocalBroadcast implements Broadcast {

    private final ApplicationEventPublisher events;

    LocalBroadcast(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void send(ConversationActivity activity) {
        events.publishEvent(activity);
    }
}
