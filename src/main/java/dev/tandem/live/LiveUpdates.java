package dev.tandem.live;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tandem.answering.ReplyInProgress;
import dev.tandem.assist.AssistUpdated;
import dev.tandem.conversation.ConversationAssigned;
import dev.tandem.conversation.ConversationReopened;
import dev.tandem.conversation.ConversationResolved;
import dev.tandem.conversation.ConversationStarted;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.ConversationTransferred;
import dev.tandem.conversation.FollowUpEmailLeft;
import dev.tandem.conversation.HandoffRequested;
import dev.tandem.conversation.MessagePosted;
import dev.tandem.insight.ConversationSummarised;
import dev.tandem.live.ConversationActivity.Kind;

/**
 * Turns conversation events into {@link ConversationActivity} once their transaction committed.
 * Live views are best effort with catch-up by the client, so these are plain listeners rather
 * than persisted event publications: nothing is written to the database per message for them.
 */
@Component
class LiveUpdates {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveUpdates.class);

    private final Broadcast broadcast;

    LiveUpdates(Broadcast broadcast) {
        this.broadcast = broadcast;
    }

    @EventListener
    void on(ConversationStarted event) {
        afterCommit(new ConversationActivity(Kind.STARTED, event.conversationId(), event.teamId(), event.status(), null));
    }

    @EventListener
    void on(MessagePosted event) {
        afterCommit(new ConversationActivity(Kind.MESSAGE, event.conversationId(), event.teamId(), event.status(),
                event.message()));
    }

    @EventListener
    void on(ConversationAssigned event) {
        status(event.conversationId(), event.teamId(), ConversationStatus.ASSIGNED);
    }

    @EventListener
    void on(ConversationTransferred event) {
        var status = event.toAssigneeId() == null ? ConversationStatus.QUEUED : ConversationStatus.ASSIGNED;
        status(event.conversationId(), event.toTeamId(), status);
        if (!java.util.Objects.equals(event.fromTeamId(), event.toTeamId())) {
            // the team it left must drop it from their lists too
            status(event.conversationId(), event.fromTeamId(), status);
        }
    }

    @EventListener
    void on(ConversationResolved event) {
        status(event.conversationId(), event.teamId(), ConversationStatus.RESOLVED);
    }

    @EventListener
    void on(ConversationReopened event) {
        status(event.conversationId(), event.teamId(), event.status());
    }

    @EventListener
    void on(HandoffRequested event) {
        status(event.conversationId(), event.teamId(), ConversationStatus.QUEUED);
    }

    /**
     * Not after a commit: nothing is stored for it. It goes the way of every other activity, so that it
     * reaches the customer's stream whichever node holds it.
     */
    @EventListener
    void on(ReplyInProgress event) {
        send(new ConversationActivity(Kind.REPLY_IN_PROGRESS, event.conversationId(), event.teamId(), null, null,
                new ConversationActivity.ReplySoFar(event.inReplyTo(), event.text())));
    }

    /** Computed off any transaction; the agents viewing the conversation re-read their assist panel. */
    @EventListener
    void on(AssistUpdated event) {
        send(new ConversationActivity(Kind.ASSIST, event.conversationId(), event.teamId(), null, null));
    }

    @EventListener
    void on(FollowUpEmailLeft event) {
        afterCommit(new ConversationActivity(Kind.DETAILS, event.conversationId(), event.teamId(), null, null));
    }

    /**
     * A new summary: the agents' open conversation views re-read it (the handoff box, the summary block); the
     * customer's widget is not told, a summary is for the team only.
     */
    @EventListener
    void on(ConversationSummarised event) {
        afterCommit(new ConversationActivity(Kind.AGENT_DETAILS, event.conversationId(), event.teamId(), null, null));
    }

    private void status(java.util.UUID conversationId, java.util.UUID teamId, ConversationStatus status) {
        afterCommit(new ConversationActivity(Kind.STATUS, conversationId, teamId, status, null));
    }

    private void afterCommit(ConversationActivity activity) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(activity);
                }
            });
        }
        else {
            send(activity);
        }
    }

    /**
     * Best effort: an exception thrown after commit would reach the caller, whose change is saved,
     * as a 500 (RabbitMQ down, a live view failing); the clients catch up when they reconnect.
     */
    private void send(ConversationActivity activity) {
        try {
            broadcast.send(activity);
        }
        catch (RuntimeException e) {
            log.warn("Could not deliver {} of conversation {} to the live views: {}", activity.kind(),
                    activity.conversationId(), e.toString());
        }
    }
}
