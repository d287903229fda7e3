package dev.tandem.procedures;

import java.util.List;

import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;

/** What a procedure did with the customer's message: the conversation's status after it and the messages posted. */
public record ProcedureTurn(ConversationStatus status, List<Message> messages) {

    public ProcedureTurn {
        messages = List.copyOf(messages);
    }
}
