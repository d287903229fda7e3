package dev.tandem.insight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;

/**
 * What is known of one conversation when its outcome is judged, gathered by query at a conversation-level event or
 * by the sweep; {@link OutcomeRules} judges it without touching anything else.
 *
 * @param firstCustomerAt the customer's first message
 * @param firstResponseAt the first reply the customer saw (the assistant's or a person's) after it
 * @param handoffAt when it was handed to a person, null when never
 * @param agentSpoke a person wrote to the customer
 * @param resolvedAt when it was resolved, null unless it is resolved now
 * @param lastVisibleAuthor who wrote the last message the customer saw
 * @param language the customer's language, null when unknown
 * @param intent the topic of the customer's first message that has one, null when unknown
 * @param confirmations the customer's confirmations, earliest first
 * @param saidNoAfterYes the customer said a later answer did not help after confirming an earlier one
 * @param repeatedFacts facts the customer wrote again after the handoff although they had given them before
 * @param evidence the conversation's evidence log
 * @param csat the customer's rating, null when none
 */
record OutcomeFacts(UUID conversationId, UUID customerId, UUID teamId, UUID agentId, String channel,
        ConversationStatus status, Instant startedAt, Instant firstCustomerAt, Instant firstResponseAt,
        Instant handoffAt, boolean agentSpoke, Instant resolvedAt, Instant lastMessageAt,
        AuthorType lastVisibleAuthor, String language, String intent, List<Confirmation> confirmations,
        boolean saidNoAfterYes, int repeatedFacts, List<Evidence> evidence, Integer csat) {

    OutcomeFacts {
        confirmations = List.copyOf(confirmations);
        evidence = List.copyOf(evidence);
    }

    /**
     * The customer confirmed that they were helped.
     *
     * @param kind {@link ResolutionDefinition#ANSWER_CONFIRMED} or {@link ResolutionDefinition#PROCEDURE_COMPLETED}
     * @param at when the help came: the confirmed answer's time, or the procedure's completion
     * @param ref the answer's message id, or the procedure's name
     */
    record Confirmation(String kind, Instant at, String ref) {
    }
}
