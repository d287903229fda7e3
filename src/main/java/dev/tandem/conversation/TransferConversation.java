package dev.tandem.conversation;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Team;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;

/** Hands an open conversation to another agent, or back to a team's queue. */
@Service
public class TransferConversation {

    private final VisibleConversations visible;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TransferConversation(VisibleConversations visible, ConversationRepository conversations, Timeline timeline,
            UserDirectory directory, ApplicationEventPublisher events, Clock clock) {
        this.visible = visible;
        this.conversations = conversations;
        this.timeline = timeline;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** At least one of agent and team; with only a team the conversation waits in that team's queue. */
    public record Command(UUID toAgentId, UUID toTeamId, String note) {
    }

    @Transactional
    public ConversationSummary transfer(CurrentUser by, UUID conversationId, Command command) {
        if (command.toAgentId() == null && command.toTeamId() == null) {
            throw ConversationProblems.invalid("Name the agent (toAgentId) or the team (toTeamId) to transfer to.");
        }
        if (command.note() != null && command.note().length() > ConversationProblems.MAX_MESSAGE_LENGTH) {
            throw ConversationProblems.invalid("The transfer note is longer than 4000 characters.");
        }
        if (command.note() != null) {
            ConversationProblems.checkStorable(command.note(), "The transfer note");
        }
        ConversationSummary conversation = visible.get(by, conversationId);
        if (!conversation.status().isOpen()) {
            throw ConversationProblems.conflict("The conversation is resolved; reopen it before transferring it.");
        }
        if (conversation.status() == ConversationStatus.ASSIGNED && !by.id().equals(conversation.assigneeId())
                && !by.seesAllTeams()) {
            throw ConversationProblems.forbidden("Only the assigned agent or a supervisor can transfer it.");
        }
        Team team = command.toTeamId() == null ? null : directory.team(command.toTeamId())
            .orElseThrow(() -> ConversationProblems.invalid("No team with id " + command.toTeamId() + "."));
        UserSummary agent = command.toAgentId() == null ? null : directory.user(command.toAgentId())
            .filter(UserSummary::enabled).filter(UserSummary::isAgent)
            .orElseThrow(() -> ConversationProblems.invalid("No active agent with id " + command.toAgentId() + "."));
        UUID teamId = team != null ? team.id() : conversation.teamId();
        if (agent != null && teamId != null && !agent.teamIds().contains(teamId) && !agent.roles().contains(
                dev.tandem.identity.Role.SUPERVISOR)) {
            throw ConversationProblems.invalid(agent.displayName() + " is not in the conversation's team; "
                    + "transfer to one of their teams as well.");
        }
        ConversationStatus status = agent != null ? ConversationStatus.ASSIGNED : ConversationStatus.QUEUED;
        var now = clock.instant();
        if (conversations.changeState(conversationId, conversation.version(), status, teamId,
                agent == null ? null : agent.id(), null, now) == 0) {
            throw ConversationProblems.conflict("The conversation changed at the same moment; look again and retry.");
        }
        String target = agent != null ? agent.displayName() : "the " + team.name() + " queue";
        String note = command.note() == null || command.note().isBlank() ? "" : " Note: " + command.note().strip();
        events.publishEvent(new ConversationTransferred(conversationId, conversation.teamId(), teamId,
                conversation.assigneeId(), agent == null ? null : agent.id(), command.note(), by.username(), now));
        if (agent != null) {
            events.publishEvent(new ConversationAssigned(conversationId, teamId, agent.id(), conversation.assigneeId(),
                    by.username(), now));
        }
        ConversationSummary moved = conversations.findById(conversationId).orElseThrow();
        timeline.append(moved, status, AuthorType.SYSTEM, by.id(), by.displayName(),
                by.displayName() + " transferred the conversation to " + target + "." + note, true, null);
        if (agent != null) {
            timeline.append(moved, status, AuthorType.SYSTEM, agent.id(), agent.displayName(),
                    agent.displayName() + " joined the conversation.", false, null);
        }
        return conversations.findById(conversationId).orElseThrow();
    }
}
