package dev.tandem.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.conversation.Citation;
import dev.tandem.conversation.ConversationStatus;

/**
 * Everything an agent needs to take over without making the customer repeat themselves, readable in
 * seconds.
 *
 * @param escalatedAt when the assistant handed over; null when the conversation never was the assistant's
 * @param priority how soon someone must pick it up
 * @param why the reasons in words, most urgent first
 * @param reasons the findings behind them, with the customer's words that triggered each
 * @param customer who they are, as far as the widget knows
 * @param customerMessages how many messages the customer wrote
 * @param goal what the customer wants, in one sentence (their own words)
 * @param facts order numbers, email addresses, amounts and phone numbers the customer gave
 * @param answered what the assistant already told them, with the articles it cited
 * @param sentiment how the customer's mood went over the conversation
 * @param language the customer's language (ISO 639-1), null when unknown
 * @param intent what the customer's request is about, null until intents are trained
 * @param tasks the routine tasks the assistant ran for the customer (procedures): what it asked, verified and did
 * @param summary the structured summary made at the handoff (or later, or as the agent edited it); null until
 *     one is made (it is written off the request path, moments after the handoff)
 */
public record HandoffPacket(UUID conversationId, ConversationStatus status, Instant escalatedAt, Priority priority,
        String why, List<Finding> reasons, Customer customer, int customerMessages, String goal, List<Fact> facts, List<AiReply> answered,
        SentimentTrajectory sentiment, String language, String intent, List<Task> tasks, Summary summary) {

    public HandoffPacket {
        reasons = List.copyOf(reasons);
        tasks = List.copyOf(tasks);
        facts = List.copyOf(facts);
        answered = List.copyOf(answered);
    }

    /**
     * This packet with the personal data a viewer may not see masked in every text: the customer's details, the
     * reasons' evidence, the goal, the facts, the assistant's replies and what tasks were given.
     */
    public HandoffPacket masked(java.util.function.UnaryOperator<String> mask) {
        java.util.function.UnaryOperator<String> m = text -> text == null ? null : mask.apply(text);
        return new HandoffPacket(conversationId, status, escalatedAt, priority, m.apply(why),
                reasons.stream().map(f -> new Finding(f.reason(), f.rule(), m.apply(f.says()), f.priority(),
                        m.apply(f.evidence()))).toList(),
                customer == null ? null : new Customer(m.apply(customer.name()), m.apply(customer.email())),
                customerMessages, m.apply(goal),
                facts.stream().map(f -> new Fact(f.type(), m.apply(f.value()))).toList(),
                answered.stream().map(a -> new AiReply(a.at(), m.apply(a.text()), a.answered(), a.citations())).toList(),
                sentiment, language, intent,
                tasks.stream().map(t -> new Task(t.name(), m.apply(t.state()), maskValues(t.asked(), m), t.verified(),
                        t.done().stream().map(m).toList())).toList(),
                summary == null ? null : summary.masked(m));
    }

    private static java.util.Map<String, String> maskValues(java.util.Map<String, String> values,
            java.util.function.UnaryOperator<String> mask) {
        var masked = new java.util.LinkedHashMap<String, String>();
        values.forEach((k, v) -> masked.put(k, mask.apply(v)));
        return masked;
    }

    /**
     * The conversation summarised: why the customer got in touch, the key details, what was done, how it
     * ended and what is still to do. Made from the conversation's own words (or, with a language model,
     * written by it and checked against them); editable by the agent.
     *
     * @param version the summary's version: each new summary and each edit adds one
     * @param source {@code EXTRACTIVE}, {@code GENERATED} or {@code EDITED}
     * @param reason why the customer got in touch
     * @param details order numbers, amounts, dates, products, email addresses named in the conversation
     * @param actions what was done: answers and the articles cited, procedures run, handoffs, transfers, agents' actions
     * @param outcome {@code RESOLVED_BY_AI}, {@code RESOLVED_BY_AGENT}, {@code HANDED_OVER} or {@code PENDING}
     * @param outcomeNote the outcome in words
     * @param customerFeedback what the customer said of the assistant's answers, null when they said nothing
     * @param followUps promises made and things still pending
     * @param editedBy who last edited it, null when nobody did
     * @param updatedAt when this version was made
     */
    public record Summary(int version, String source, String reason, List<Fact> details, List<String> actions,
            String outcome, String outcomeNote, String customerFeedback, List<String> followUps, String editedBy,
            Instant updatedAt) {

        public Summary {
            details = List.copyOf(details);
            actions = List.copyOf(actions);
            followUps = List.copyOf(followUps);
        }

        Summary masked(java.util.function.UnaryOperator<String> mask) {
            return new Summary(version, source, mask.apply(reason),
                    details.stream().map(d -> new Fact(d.type(), mask.apply(d.value()))).toList(),
                    actions.stream().map(mask).toList(), outcome, mask.apply(outcomeNote), customerFeedback,
                    followUps.stream().map(mask).toList(), editedBy, updatedAt);
        }
    }

    /** The customer's name and email as given in the widget, either may be null. */
    public record Customer(String name, String email) {
    }

    /**
     * A fact the customer gave: {@code type} is ORDER_NUMBER, EMAIL, AMOUNT or PHONE (in a summary's details
     * also DATE and PRODUCT).
     */
    public record Fact(String type, String value) {
    }

    /** One of the assistant's replies: {@code answered} false when it could not answer. */
    public record AiReply(Instant at, String text, boolean answered, List<Citation> citations) {

        public AiReply {
            citations = List.copyOf(citations);
        }
    }

    /**
     * @param frustration per customer message, oldest first, 0 (calm) to 1 (furious)
     * @param trend {@code calm}, {@code rising}, {@code falling}, {@code steady}
     * @param cues the words the latest frustration rests on
     */
    public record SentimentTrajectory(List<Double> frustration, String trend, List<String> cues) {

        public SentimentTrajectory {
            frustration = List.copyOf(frustration);
            cues = List.copyOf(cues);
        }
    }

    /**
     * A routine task the assistant worked on, so the agent neither repeats it nor asks again for what the
     * customer already gave.
     *
     * @param name the task ("refund")
     * @param state where it stopped ("failed: the order system did not answer")
     * @param asked the values the customer gave, by name (verification codes never appear)
     * @param verified the identity checks passed
     * @param done the actions carried out, with their results
     */
    public record Task(String name, String state, java.util.Map<String, String> asked, List<String> verified,
            List<String> done) {

        public Task {
            asked = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(asked));
            verified = List.copyOf(verified);
            done = List.copyOf(done);
        }
    }
}
