package dev.tandem.conversation;

import java.util.Set;
import java.util.UUID;

/** Which conversations a list shows; the caller's team scope is added by {@link ConversationQueries}. */
public record ConversationFilter(Set<ConversationStatus> statuses, UUID assigneeId, UUID teamId) {

    public ConversationFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static ConversationFilter withStatus(ConversationStatus... statuses) {
        return new ConversationFilter(Set.of(statuses), null, null);
    }

    public static ConversationFilter open() {
        return withStatus(ConversationStatus.AI, ConversationStatus.QUEUED, ConversationStatus.ASSIGNED);
    }

    public static ConversationFilter assignedTo(UUID assigneeId) {
        return new ConversationFilter(Set.of(ConversationStatus.ASSIGNED), assigneeId, null);
    }
}
