package dev.tandem.conversation;

import java.util.List;

/** A conversation with its whole timeline, internal notes included. */
public record ConversationDetails(ConversationSummary conversation, List<Message> messages) {

    public List<Message> customerVisibleMessages() {
        return messages.stream().filter(Message::visibleToCustomer).toList();
    }
}
