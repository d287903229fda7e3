package dev.tandem.workspace;

import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.tandem.conversation.ConversationPriority;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.FirstResponse;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.identity.CurrentUser;

/** One line of the inbox. */
record InboxRow(UUID id, String customerName, String initials, String tone, String subject, String preview,
        ConversationStatus status, String teamName, String assigneeName, boolean mine, boolean personRequested,
        Instant lastActivity, ConversationPriority priority, FirstResponse firstResponse) {

    /** @param shown masks the personal data the viewer may not see ({@code guardrails.AgentView}) */
    static InboxRow of(ConversationSummary conversation, People people, CurrentUser me, UnaryOperator<String> shown) {
        String customer = conversation.customer().displayName();
        return new InboxRow(conversation.id(), customer, Avatars.initials(customer), Avatars.tone(customer),
                shown.apply(conversation.subject()), shown.apply(conversation.lastPreview()), conversation.status(),
                people.teamName(conversation.teamId()), people.userName(conversation.assigneeId()),
                me.id().equals(conversation.assigneeId()),
                conversation.handoffRequestedAt() != null && conversation.status() == ConversationStatus.QUEUED,
                conversation.lastMessageAt() != null ? conversation.lastMessageAt() : conversation.updatedAt(),
                conversation.priority(), conversation.firstResponse());
    }
}
