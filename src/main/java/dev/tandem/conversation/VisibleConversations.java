package dev.tandem.conversation;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.tandem.identity.CurrentUser;

/** Loads a conversation for a member of the team, as if it did not exist when it belongs to a team they are not in. */
@Component
class VisibleConversations {

    private final ConversationRepository conversations;

    VisibleConversations(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    ConversationSummary get(CurrentUser user, UUID id) {
        return conversations.findById(id).filter(c -> user.canSeeTeam(c.teamId()))
            .orElseThrow(() -> ConversationProblems.notFound(id));
    }

    static ConversationRepository.TeamScope scopeOf(CurrentUser user) {
        return new ConversationRepository.TeamScope(user.seesAllTeams(), user.teamIds());
    }
}
