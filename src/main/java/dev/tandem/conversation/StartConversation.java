package dev.tandem.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** A customer opens a conversation with their first message. */
@Service
public class StartConversation {

    /** Time-ordered UUIDv7: primary-key indexes grow at their end, ids sort by creation time. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private static final int SUBJECT_LENGTH = 80;

    private final CustomerRepository customers;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StartConversation(CustomerRepository customers, ConversationRepository conversations, Timeline timeline,
            ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.conversations = conversations;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /** Who the customer says they are; every field optional. */
    public record CustomerDetails(String name, String email, String externalId) {
    }

    public record Command(CustomerDetails customer, String text, String clientMessageId, String channel, UUID teamId,
            ConversationStatus initialStatus) {
    }

    @Transactional
    public ConversationDetails start(Command command) {
        String text = ConversationProblems.checkedText(command.text());
        String clientMessageId = ConversationProblems.checkedClientMessageId(command.clientMessageId());
        ConversationStatus status = command.initialStatus() == null ? ConversationStatus.QUEUED : command.initialStatus();
        if (status != ConversationStatus.AI && status != ConversationStatus.QUEUED) {
            throw ConversationProblems.invalid("A new conversation starts with the AI or in the queue.");
        }
        Customer customer = customerFor(command.customer());
        UUID id = IDS.generate();
        var now = clock.instant();
        conversations.insert(id, customer.id(), status, command.channel(), command.teamId(), subject(text), now);
        ConversationSummary conversation = conversations.findById(id).orElseThrow();
        events.publishEvent(new ConversationStarted(id, customer.id(), command.teamId(), command.channel(), status, now));
        Message first = timeline.append(conversation, status, AuthorType.CUSTOMER, null, customer.name(), text, false,
                clientMessageId);
        return new ConversationDetails(conversations.findById(id).orElseThrow(), List.of(first));
    }

    private Customer customerFor(CustomerDetails details) {
        String name = clean(details == null ? null : details.name(), 200);
        String email = clean(details == null ? null : details.email(), 320);
        String externalId = clean(details == null ? null : details.externalId(), 200);
        if (email != null) {
            email = email.toLowerCase();
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw ConversationProblems.invalid("customer.email '" + email + "' is not an email address.");
            }
        }
        Optional<Customer> known = Optional.empty();
        if (externalId != null) {
            known = customers.findByExternalId(externalId);
        }
        if (known.isEmpty() && email != null) {
            known = customers.findByEmail(email);
        }
        if (known.isPresent()) {
            Customer existing = known.get();
            var updated = new Customer(existing.id(), name != null ? name : existing.name(),
                    existing.email() != null ? existing.email() : email,
                    existing.externalId() != null ? existing.externalId() : externalId, existing.createdAt());
            if (!updated.equals(existing)) {
                customers.update(updated);
            }
            return updated;
        }
        var created = new Customer(IDS.generate(), name, email, externalId, clock.instant());
        customers.insert(created);
        return created;
    }

    private static String clean(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw ConversationProblems.invalid("A customer field is longer than " + max + " characters.");
        }
        ConversationProblems.checkStorable(trimmed, "A customer field");
        return trimmed;
    }

    private static String subject(String text) {
        String flat = text.replaceAll("\\s+", " ");
        if (flat.length() <= SUBJECT_LENGTH) {
            return flat;
        }
        int end = SUBJECT_LENGTH - 1;
        // never cut between the two halves of a surrogate pair (emoji): a lone half is not text
        return flat.substring(0, Character.isHighSurrogate(flat.charAt(end - 1)) ? end - 1 : end) + "…";
    }
}
