package dev.tandem.workspace;

import java.time.Instant;

import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.escalation.EscalationReason;
import dev.tandem.escalation.Finding;
import dev.tandem.escalation.HandoffPacket;
import dev.tandem.identity.CurrentUser;

/**
 * The top of a conversation: who, where it stands, what the agent may do with it, and why a
 * person is needed.
 */
record ConversationHeader(ConversationSummary conversation, String customerName, String customerInitials,
        String customerTone, String teamName,
        String assigneeName, boolean mine, boolean canAssign, boolean canTransfer, boolean canResolve,
        boolean canReopen, boolean canReply, Handoff handoff) {

    /**
     * The "why a person is needed" box; {@code urgent} draws it in amber. {@code packet} is the
     * handoff packet when the assistant handed the conversation over, shown in full while a person
     * takes over.
     */
    record Handoff(String title, String text, Instant at, boolean urgent, HandoffPacket packet) {

        Handoff(String title, String text, Instant at, boolean urgent) {
            this(title, text, at, urgent, null);
        }
    }

    /** @param packet the conversation's handoff packet, null when there is none to show */
    static ConversationHeader of(ConversationSummary c, People people, CurrentUser me, HandoffPacket packet) {
        boolean open = c.status().isOpen();
        boolean mine = me.id().equals(c.assigneeId());
        boolean someoneElses = c.status() == ConversationStatus.ASSIGNED && !mine;
        boolean mayAct = !someoneElses || me.seesAllTeams();
        String customer = c.customer().displayName();
        return new ConversationHeader(c, customer, Avatars.initials(customer), Avatars.tone(customer),
                people.teamName(c.teamId()),
                people.userName(c.assigneeId()), mine,
                c.status() == ConversationStatus.AI || c.status() == ConversationStatus.QUEUED,
                open && mayAct, open && mayAct, !open, open && mayAct, handoff(c, people, packet));
    }

    private static Handoff handoff(ConversationSummary c, People people, HandoffPacket packet) {
        boolean escalated = packet != null && !packet.reasons().isEmpty()
                && (c.status() == ConversationStatus.QUEUED || c.status() == ConversationStatus.ASSIGNED);
        if (escalated) {
            boolean onlyAsked = packet.reasons().stream().allMatch(f -> f.reason() == EscalationReason.PERSON_REQUEST);
            String title = onlyAsked ? c.customer().displayName() + " asked for a person"
                    : "Handed over: " + String.join(", ", packet.reasons().stream().map(Finding::reason).distinct()
                        .map(EscalationReason::words).toList());
            String next = c.status() == ConversationStatus.QUEUED ? " Reply to take it."
                    : " " + people.userName(c.assigneeId()) + " has it.";
            return new Handoff(title, packet.why() + next, packet.escalatedAt(), c.status() == ConversationStatus.QUEUED,
                    packet);
        }
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
                            "They are waiting. Take it with Assign to me, or simply reply: replying assigns it to you.",
                            c.handoffRequestedAt(), true)
                    : new Handoff("New conversation",
                            "Waiting in the " + (c.teamId() == null ? "" : people.teamName(c.teamId()) + " ")
                                    + "queue for a person. Replying assigns it to you.",
                            c.createdAt(), true);
            case AI -> new Handoff("The AI assistant is handling this",
                    "No person is needed yet. Take it over if you want to step in.", c.createdAt(), false);
        };
    }
}
