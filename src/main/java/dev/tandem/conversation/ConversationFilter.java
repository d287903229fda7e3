package dev.tandem.conversation;

import java.util.Set;
import java.util.UUID;

/** Which conversations a list shows; the caller's team scope is added by {@link ConversationQueries}. */
public record ConversationFilter(Set<ConversationStatus> statuses, UUID assigneeId, UUID teamId) {

    public ConversationFilter {
        // an empty query value (?status=QUEUED&status=) arrives as null: ignore it rather than fail on Set.copyOf
        statuses = statuses == null ? Set.of()
                : statuses.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
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
