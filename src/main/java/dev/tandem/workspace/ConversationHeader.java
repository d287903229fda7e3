package dev.tandem.workspace;

import java.time.Instant;

import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.identity.CurrentUser;

/**
 * The top of a conversation: who, where it stands, what the agent may do with it, and why a
 * person is needed.
 */
record ConversationHeader(ConversationSummary conversation, String customerName, String customerInitials,
        String customerTone, String teamName,
        String assigneeName, boolean mine, boolean canAssign, boolean canTransfer, boolean canResolve,
        boolean canReopen, boolean canReply, Handoff handoff) {

    /** The "why a person is needed" box; {@code urgent} draws it in amber. */
    record Handoff(String title, String text, Instant at, boolean urgent) {
    }

    static ConversationHeader of(ConversationSummary c, People people, CurrentUser me) {
        boolean open = c.status().isOpen();
        boolean mine = me.id().equals(c.assigneeId());
        boolean someoneElses = c.status() == ConversationStatus.ASSIGNED && !mine;
        boolean mayAct = !someoneElses || me.seesAllTeams();
        String customer = c.customer().displayName();
        return new ConversationHeader(c, customer, Avatars.initials(customer), Avatars.tone(customer),
                people.teamName(c.teamId()),
                people.userName(c.assigneeId()), mine,
                c.status() == ConversationStatus.AI || c.status() == ConversationStatus.QUEUED,
                open && mayAct, open && mayAct, !open, open && mayAct, handoff(c, people));
    }

    private static Handoff handoff(ConversationSummary c, People people) {
        String customer = c.customer().displayName();
        return switch (c.status()) {
            case RESOLVED -> new Handoff("Resolved",
                    "This conversation is done. It reopens by itself when " + customer + " writes again.",
                    c.resolvedAt(), false);
            case ASSIGNED -> c.handoffRequestedAt() != null
                    ? new Handoff(customer + " asked for a person",
                            people.userName(c.assigneeId()) + " has taken it over from the queue.",
                            c.handoffRequestedAt(), false)
                    : new Handoff("Handled by " + people.userName(c.assigneeId()),
                            "A person is looking after this conversation.", c.updatedAt(), false);
            case QUEUED -> c.handoffRequestedAt() != null
                    ? new Handoff(customer + " asked for a person",
                            "The customer asked to talk to a person. Take it and reply: they are waiting.",
                            c.handoffRequestedAt(), true)
                    : new Handoff("New conversation",
                            "Waiting in the " + (c.teamId() == null ? "" : people.teamName(c.teamId()) + " ")
                                    + "queue for a person since it started.",
                            c.createdAt(), true);
            case AI -> new Handoff("The AI assistant is handling this",
                    "No person is needed yet. Take it over if you want to step in.", c.createdAt(), false);
        };
    }
}
