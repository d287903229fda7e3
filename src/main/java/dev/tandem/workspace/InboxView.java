package dev.tandem.workspace;

import java.util.Arrays;

import dev.tandem.conversation.ConversationFilter;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.identity.CurrentUser;

/** The inbox's views, each a filter on the conversations the agent may see. */
enum InboxView {

    QUEUED("queued", "Queued", "q", "Waiting for a person"),
    MINE("mine", "Mine", "m", "Assigned to you"),
    AI("ai", "With AI", "a", "The AI assistant is handling them; open one to follow or take it over"),
    OPEN("open", "All open", "o", "Everything not yet resolved, including what the AI handles"),
    RESOLVED("resolved", "Resolved", "r", "Done; they reopen when the customer writes again");

    private final String key;
    private final String label;
    private final String shortcut;
    private final String description;

    InboxView(String key, String label, String shortcut, String description) {
        this.key = key;
        this.label = label;
        this.shortcut = shortcut;
        this.description = description;
    }

    static InboxView of(String key) {
        return Arrays.stream(values()).filter(view -> view.key.equalsIgnoreCase(key)).findFirst().orElse(QUEUED);
    }

    ConversationFilter filter(CurrentUser me) {
        return switch (this) {
            case QUEUED -> ConversationFilter.withStatus(ConversationStatus.QUEUED);
            case MINE -> ConversationFilter.assignedTo(me.id());
            case AI -> ConversationFilter.withStatus(ConversationStatus.AI);
            case OPEN -> ConversationFilter.open();
            case RESOLVED -> ConversationFilter.withStatus(ConversationStatus.RESOLVED);
        };
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String shortcut() {
        return shortcut;
    }

    public String description() {
        return description;
    }
}
