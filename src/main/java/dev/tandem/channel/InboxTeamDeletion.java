package dev.tandem.channel;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.tandem.identity.IdentityEvents.TeamDeleted;

/** New conversations of an inbox whose team was deleted go to no team rather than a team nobody is in. */
@Component
class InboxTeamDeletion {

    private final WidgetInboxes inboxes;

    InboxTeamDeletion(WidgetInboxes inboxes) {
        this.inboxes = inboxes;
    }

    @ApplicationModuleListener
    void on(TeamDeleted event) {
        inboxes.detachFromTeam(event.teamId());
    }
}
