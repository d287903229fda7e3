package dev.tandem.insight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One version of a conversation's structured summary.
 *
 * @param version 1 for the first summary; each new summary and each edit adds one (all are kept)
 * @param trigger what made this version
 * @param source how its text came about
 * @param reason why the customer got in touch, in their own words (or as the model or the agent put it)
 * @param details order numbers, amounts, dates, products and email addresses named in the conversation
 * @param actions what was done: the assistant's answers and the articles it cited, procedures run, handoffs,
 *     transfers, the agents' actions and notes
 * @param outcome how the conversation ended, or that it has not
 * @param followUps promises made to the customer and things still pending
 * @param editedById who made this version when an agent edited it, otherwise null
 * @param editedBy their name, otherwise null
 * @param createdAt when this version was made
 */
public record Summary(UUID conversationId, int version, Trigger trigger, Source source, String reason,
        List<Detail> details, List<String> actions, Outcome outcome, List<String> followUps, UUID editedById,
        String editedBy, Instant createdAt) {

    public Summary {
        details = List.copyOf(details);
        actions = List.copyOf(actions);
        followUps = List.copyOf(followUps);
    }

    /** What made a version. */
    public enum Trigger {
        /** the conversation was handed to a person */
        HANDOFF,
        /** the conversation was resolved */
        RESOLUTION,
        /** an agent edited it */
        EDIT
    }

    /** How a version's text came about. */
    public enum Source {
        /** sentences and facts taken from the conversation as they are (embedded mode) */
        EXTRACTIVE,
        /** written by the language model and checked against the conversation (LLM mode) */
        GENERATED,
        /** written or changed by an agent */
        EDITED
    }

    /**
     * A key detail of the conversation.
     *
     * @param type {@code ORDER_NUMBER}, {@code AMOUNT}, {@code DATE}, {@code PRODUCT}, {@code EMAIL} or {@code PHONE}
     * @param value as written in the conversation (an order number in capitals)
     */
    public record Detail(String type, String value) {
    }

    /**
     * @param status where the conversation stands
     * @param note the outcome in words ("Resolved by Bruno Costa.")
     * @param customerFeedback what the customer answered to "Did this answer your question?", null when nothing
     */
    public record Outcome(Status status, String note, String customerFeedback) {
    }

    /** Where a conversation stands. */
    public enum Status {
        RESOLVED_BY_AI, RESOLVED_BY_AGENT, HANDED_OVER, PENDING
    }

    /** Every text of the summary, for checks and searches. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        texts.add(reason);
        details.forEach(detail -> texts.add(detail.value()));
        texts.addAll(actions);
        texts.add(outcome.note());
        texts.add(outcome.customerFeedback());
        texts.addAll(followUps);
        return texts.stream().filter(text -> text != null && !text.isEmpty()).toList();
    }

    /** This summary with every text passed through {@code mask} (the viewer's personal-data policy). */
    public Summary masked(UnaryOperator<String> mask) {
        return new Summary(conversationId, version, trigger, source, mask.apply(reason),
                details.stream().map(detail -> new Detail(detail.type(), mask.apply(detail.value()))).toList(),
                actions.stream().map(mask).toList(),
                new Outcome(outcome.status(), mask.apply(outcome.note()), outcome.customerFeedback()),
                followUps.stream().map(mask).toList(), editedById, editedBy, createdAt);
    }
}
