package dev.tandem.conversation;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer would rather be answered by email (typically outside business hours): the address is
 * stored on the customer, and the agents find a note saying so in the conversation.
 */
@Service
public class LeaveFollowUpEmail {

    private final ConversationRepository conversations;
    private final CustomerRepository customers;
    private final MessageRepository messages;
    private final Timeline timeline;

    LeaveFollowUpEmail(ConversationRepository conversations, CustomerRepository customers, MessageRepository messages,
            Timeline timeline) {
        this.conversations = conversations;
        this.customers = customers;
        this.messages = messages;
        this.timeline = timeline;
    }

    /** @return the customer as stored now; asking twice with the same address writes one note */
    @Transactional
    public Customer leave(UUID conversationId, String email) {
        String address = email == null ? "" : email.strip().toLowerCase();
        if (address.length() > 320 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ConversationProblems.invalid("email '" + address + "' is not an email address.");
        }
        ConversationProblems.checkStorable(address, "The email address");
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        Customer before = conversation.customer();
        Customer after = new Customer(before.id(), before.name(), address, before.externalId(), before.createdAt());
        if (!after.equals(before)) {
            customers.update(after);
        }
        String note = "The customer asked for a follow-up by email at " + address + ".";
        boolean noted = messages.findByConversation(conversationId).stream()
            .anyMatch(m -> m.internal() && m.author() == AuthorType.SYSTEM && note.equals(m.text()));
        if (!noted) {
            timeline.append(conversation, conversation.status(), AuthorType.SYSTEM, null, null, note, true, null);
        }
        return after;
    }
}
