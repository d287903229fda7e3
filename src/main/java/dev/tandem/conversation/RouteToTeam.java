package dev.tandem.conversation;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.Team;
import dev.tandem.identity.UserDirectory;

/**
 * Routing moves a waiting conversation to the queue of the team that should answer it. Unlike
 * {@link TransferConversation} nobody acts here but the system, so there is no user whose team
 * scope to check; the reason goes on the timeline as a note for the agents.
 */
@Service
public class RouteToTeam {

    public static final String ROUTING = "routing";

    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RouteToTeam(ConversationRepository conversations, Timeline timeline, UserDirectory directory,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.timeline = timeline;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param why the reason in words, for the agents ("high stakes: rule high-stakes-to-billing")
     * @return false when the conversation no longer waits (someone took it meanwhile), is in that
     *     team already, or changed at the same moment; routing then leaves it where it is
     */
    @Transactional
    public boolean route(UUID conversationId, UUID teamId, String why) {
        Team team = directory.team(teamId).orElseThrow(() -> ConversationProblems.invalid("No team with id " + teamId + "."));
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        if (conversation.status() != ConversationStatus.QUEUED || teamId.equals(conversation.teamId())) {
            return false;
        }
        var now = clock.instant();
        if (conversations.changeState(conversationId, conversation.version(), ConversationStatus.QUEUED, teamId, null,
                null, now) == 0) {
            return false;
        }
        events.publishEvent(new ConversationTransferred(conversationId, conversation.teamId(), teamId, null, null, why,
                ROUTING, now));
        ConversationSummary moved = conversations.findById(conversationId).orElseThrow();
        timeline.append(moved, ConversationStatus.QUEUED, AuthorType.SYSTEM, null, null,
                "Routed to the " + team.name() + " queue. " + why, true, null);
        return true;
    }
}
