package dev.tandem.conversation;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer would rather be answered by email (typically outside business hours): the address is
 * kept on the conversation (the widget shows it as done, the agents see it in the conversation's
 * header) and on the customer, and the agents find a note saying so on the timeline.
 */
@Service
public class LeaveFollowUpEmail {

    /**
     * What passes for an email address: something, one {@code @}, a domain with a dot, no spaces
     * (surrounding spaces are trimmed). Deliberately loose; the widget checks the same shape.
     */
    public static final String ADDRESS = "\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*";

    public static final int MAX_LENGTH = 320;

    private final ConversationRepository conversations;
    private final CustomerRepository customers;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeaveFollowUpEmail(ConversationRepository conversations, CustomerRepository customers, Timeline timeline,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.customers = customers;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Idempotent: leaving the address the conversation already has changes nothing and writes no
     * second note.
     *
     * @return the address as stored (trimmed, lower case)
     */
    @Transactional
    public String leave(UUID conversationId, String email) {
        String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (address.isEmpty()) {
            throw ConversationProblems.invalid("email is required: the address to send the reply to.");
        }
        if (address.length() > MAX_LENGTH || !address.matches(ADDRESS)) {
            throw ConversationProblems.invalid("'" + shortened(address) + "' is not an email address; write it as "
                    + "name@example.com (at most " + MAX_LENGTH + " characters).");
        }
        ConversationProblems.checkStorable(address, "The email address");
        ConversationSummary conversation = conversations.findById(conversationId)
            .orElseThrow(() -> ConversationProblems.notFound(conversationId));
        if (conversations.leaveFollowUpEmail(conversationId, address) == 0) {
            return address; // asked again with the same address: nothing new
        }
        Customer before = conversation.customer();
        Customer after = new Customer(before.id(), before.name(), address, before.externalId(), before.createdAt());
        if (!after.equals(before)) {
            customers.update(after);
        }
        timeline.append(conversation, conversation.status(), AuthorType.SYSTEM, null, null,
                "The customer asked for a follow-up by email at " + address + ".", true, null);
        events.publishEvent(new FollowUpEmailLeft(conversationId, conversation.teamId(), address, clock.instant()));
        return address;
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
