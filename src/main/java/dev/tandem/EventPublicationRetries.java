package dev.tandem;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Module listeners (the audit log, later the AI modules) run after their transaction commits; if
 * one failed or its node died half-way, the event publication registry still holds the event.
 * One node of the cluster hands such events to their listeners again.
 */
@Component
class EventPublicationRetries {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationRetries.class);
    private static final Duration GRACE = Duration.ofMinutes(2);

    private final IncompleteEventPublications incomplete;

    EventPublicationRetries(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "${tandem.events.retry-interval:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "event-publication-retries", lockAtMostFor = "PT5M")
    void resubmit() {
        log.debug("Resubmitting event publications incomplete for more than {}", GRACE);
        incomplete.resubmitIncompletePublicationsOlderThan(GRACE);
    }
}
