package dev.tandem.workspace;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.conversation.ConversationPriority;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.FirstResponse;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.identity.CurrentUser;

/** One line of the inbox. */
record InboxRow(UUID id, String customerName, String initials, String tone, String subject, String preview,
        ConversationStatus status, String teamName, String assigneeName, boolean mine, boolean personRequested,
        Instant lastActivity, ConversationPriority priority, FirstResponse firstResponse) {

    static InboxRow of(ConversationSummary conversation, People people, CurrentUser me) {
        String customer = conversation.customer().displayName();
        return new InboxRow(conversation.id(), customer, Avatars.initials(customer), Avatars.tone(customer),
                conversation.subject(), conversation.lastPreview(), conversation.status(),
                people.teamName(conversation.teamId()), people.userName(conversation.assigneeId()),
                me.id().equals(conversation.assigneeId()),
                conversation.handoffRequestedAt() != null && conversation.status() == ConversationStatus.QUEUED,
                conversation.lastMessageAt() != null ? conversation.lastMessageAt() : conversation.updatedAt(),
                conversation.priority(), conversation.firstResponse());
    }
}
