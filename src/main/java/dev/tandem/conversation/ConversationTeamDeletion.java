package dev.tandem.conversation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.tandem.identity.IdentityEvents.TeamDeleted;

/** A deleted team's conversations stay reachable: they belong to no team, which every agent sees. */
@Component
class ConversationTeamDeletion {

    private final ConversationRepository conversations;

    ConversationTeamDeletion(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    @ApplicationModuleListener
    void on(TeamDeleted event) {
        conversations.detachFromTeam(event.teamId());
    }
}
