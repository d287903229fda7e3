package dev.tandem.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.identity.CurrentUser;

/** What members of the team and customers may read. */
@Service
@Transactional(readOnly = true)
public class ConversationQueries {

    public static final int MAX_PAGE = 200;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final CustomerRepository customers;
    private final VisibleConversations visible;

    ConversationQueries(ConversationRepository conversations, MessageRepository messages,
            CustomerRepository customers, VisibleConversations visible) {
        this.conversations = conversations;
        this.messages = messages;
        this.customers = customers;
        this.visible = visible;
    }

    public record CustomerHistory(Customer customer, List<ConversationSummary> conversations) {
    }

    public List<ConversationSummary> list(CurrentUser user, ConversationFilter filter, int limit, int offset) {
        if (limit < 1 || limit > MAX_PAGE || offset < 0) {
            throw ConversationProblems.invalid("limit must be 1 to " + MAX_PAGE + " and offset 0 or more.");
        }
        return conversations.find(filter, VisibleConversations.scopeOf(user), limit, offset);
    }

    public long count(CurrentUser user, ConversationFilter filter) {
        return conversations.count(filter, VisibleConversations.scopeOf(user));
    }

    public ConversationDetails details(CurrentUser user, UUID id) {
        ConversationSummary conversation = visible.get(user, id);
        return new ConversationDetails(conversation, messages.findByConversation(id));
    }

    /**
     * The whole conversation, internal notes included, for work that acts for no user and shows its result only
     * to those who may see the conversation (summaries).
     */
    public Optional<ConversationDetails> whole(UUID id) {
        return conversations.findById(id).map(c -> new ConversationDetails(c, messages.findByConversation(id)));
    }

    /** For the customer's own view; authorising the customer is the channel's business. */
    public Optional<ConversationDetails> forCustomer(UUID id) {
        return conversations.findById(id)
            .map(c -> new ConversationDetails(c, messages.findByConversation(id).stream()
                .filter(Message::visibleToCustomer).toList()));
    }

    /** A team's waiting conversations, most urgent first; for routing, which acts for no user. */
    public List<ConversationSummary> queued(UUID teamId, int limit) {
        return conversations.queued(teamId, limit);
    }

    /** How many conversations each agent has open (ASSIGNED); agents with none are absent. */
    public java.util.Map<UUID, Long> assignedCounts() {
        return conversations.assignedCounts();
    }

    /** How long customers waited for the first reply, for waits answered since {@code since}, newest first. */
    public List<java.time.Duration> firstResponseTimes(java.time.Instant since, int limit) {
        return conversations.firstResponseTimes(since, limit);
    }

    /**
     * Customers waiting for the assistant: the last message of each conversation in status {@code AI}
     * whose last message is the customer's, written between {@code from} and {@code to}, oldest first.
     */
    public List<Message> awaitingAssistant(java.time.Instant from, java.time.Instant to, int limit) {
        return messages.lastUnansweredByAssistant(from, to, limit);
    }

    /** A customer's conversations, latest activity first; for work that acts for no user (outcomes). */
    public List<ConversationSummary> ofCustomer(UUID customerId) {
        return conversations.findByCustomer(customerId);
    }

    /**
     * Conversations with the AI or in the queue whose last message was written in [from, to), oldest first: those
     * that went quiet, for the outcome figures.
     */
    public List<ConversationSummary> quietBetween(java.time.Instant from, java.time.Instant to, int limit) {
        return conversations.quietBetween(from, to, limit);
    }

    public Optional<ConversationSummary> summary(UUID id) {
        return conversations.findById(id);
    }

    public CustomerHistory customer(CurrentUser user, UUID customerId) {
        Customer customer = customers.findById(customerId).orElseThrow(() -> new org.springframework.web.ErrorResponseException(
                org.springframework.http.HttpStatus.NOT_FOUND, org.springframework.http.ProblemDetail.forStatusAndDetail(
                        org.springframework.http.HttpStatus.NOT_FOUND, "No customer with id " + customerId + "."), null));
        var visibleConversations = conversations.findByCustomer(customerId).stream()
            .filter(c -> user.canSeeTeam(c.teamId())).toList();
        if (visibleConversations.isEmpty() && !user.seesAllTeams()) {
            // an agent learns of a customer only through a conversation they may see
            throw new org.springframework.web.ErrorResponseException(org.springframework.http.HttpStatus.NOT_FOUND,
                    org.springframework.http.ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.NOT_FOUND,
                            "No customer with id " + customerId + "."), null);
        }
        return new CustomerHistory(customer, visibleConversations);
    }
}
