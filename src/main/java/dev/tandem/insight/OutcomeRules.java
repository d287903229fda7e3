package dev.tandem.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;

/**
 * The outcome rules, in one place and free of storage: how a conversation ended, its timings, and whether it is a
 * verified AI resolution under a definition. Everything is judged from {@link OutcomeFacts} and a moment
 * {@code now}, so the same facts give the same verdict on every node and in every test.
 */
final class OutcomeRules {

    /** A repeat contact counts for the outcome figures when it comes within this time (the 7 days). */
    static final Duration REPEAT_CONTACT = Duration.ofDays(7);

    private OutcomeRules() {
    }

    /**
     * The judged outcome of one conversation (one row of {@code conversation_outcome}).
     *
     * @param endedAt when it was resolved, or went quiet; null while it goes on
     * @param confirmation the customer's first confirmation of a kind the definition counts, null when none
     * @param reliefSeconds first message to the first confirmed help, or to resolution; null when neither came
     * @param repeatContactId the customer's next conversation on the same topic within 7 days, if any
     */
    record Judged(Outcome outcome, boolean aiOnly, Instant endedAt, OutcomeFacts.Confirmation confirmation,
            Long firstResponseSeconds, Long reliefSeconds, int reopens, UUID repeatContactId) {
    }

    /**
     * Whether the conversation is a verified AI resolution.
     *
     * @param state {@code VERIFIED}, {@code PENDING} (all holds so far, the window has not passed) or {@code NOT}
     * @param reason why, in words (shown on the ledger page)
     * @param against the evidence that disqualifies it, dated inside the window; empty unless state is NOT for it
     */
    record Verdict(State state, String reason, OutcomeFacts.Confirmation confirmation, Instant windowStart,
            Instant windowEnd, List<Evidence> against) {

        enum State {
            VERIFIED, PENDING, NOT
        }
    }

    static Judged judge(OutcomeFacts facts, ResolutionDefinition definition, Duration quietAfter, Instant now) {
        boolean aiOnly = facts.handoffAt() == null && !facts.agentSpoke();
        Instant endedAt = endedAt(facts, quietAfter, now);
        int reopens = (int) facts.evidence().stream().filter(e -> e.kind() == Evidence.Kind.REOPENED).count();
        Outcome outcome;
        if (endedAt == null) {
            outcome = reopens > 0 ? Outcome.REOPENED : Outcome.OPEN;
        } else if (facts.status() == ConversationStatus.RESOLVED) {
            outcome = aiOnly ? Outcome.AI_RESOLVED : Outcome.HUMAN_RESOLVED;
        } else if (facts.status() == ConversationStatus.AI && aiOnly
                && facts.lastVisibleAuthor() != AuthorType.CUSTOMER) {
            outcome = Outcome.AI_RESOLVED; // the assistant answered and the customer went away content or not: claimed
        } else {
            outcome = Outcome.ABANDONED;
        }
        var confirmation = confirmation(facts, definition).orElse(null);
        Long relief = null;
        if (facts.firstCustomerAt() != null) {
            if (confirmation != null) {
                relief = seconds(facts.firstCustomerAt(), confirmation.at());
            } else if (facts.resolvedAt() != null) {
                relief = seconds(facts.firstCustomerAt(), facts.resolvedAt());
            }
        }
        Long firstResponse = facts.firstCustomerAt() == null || facts.firstResponseAt() == null ? null
                : seconds(facts.firstCustomerAt(), facts.firstResponseAt());
        Instant repeatUntil = (endedAt != null ? endedAt : facts.startedAt()).plus(REPEAT_CONTACT);
        UUID repeat = facts.evidence().stream()
            .filter(e -> e.kind() == Evidence.Kind.REPEAT_SAME_TOPIC && !e.at().isAfter(repeatUntil))
            .map(e -> UUID.fromString(e.ref())).findFirst().orElse(null);
        return new Judged(outcome, aiOnly, endedAt, confirmation, firstResponse, relief, reopens, repeat);
    }

    static Verdict verdict(OutcomeFacts facts, ResolutionDefinition definition, Duration quietAfter, Instant now) {
        Judged judged = judge(facts, definition, quietAfter, now);
        if (judged.endedAt() == null) {
            return not("The conversation has not ended.", judged, null);
        }
        Instant windowEnd = judged.endedAt().plus(definition.window());
        if (!judged.aiOnly()) {
            return not(facts.handoffAt() != null ? "It was handed to a person." : "A person wrote to the customer.",
                    judged, windowEnd);
        }
        if (judged.outcome() != Outcome.AI_RESOLVED) {
            return not("It did not end resolved (" + judged.outcome() + ").", judged, windowEnd);
        }
        if (judged.confirmation() == null) {
            return not("The customer did not confirm (needs one of " + String.join(", ",
                    definition.confirmations().stream().sorted().toList()) + ").", judged, windowEnd);
        }
        if (definition.negativeAnswerFeedbackDisqualifies() && facts.saidNoAfterYes()) {
            return not("The customer said a later answer did not help.", judged, windowEnd);
        }
        List<Evidence> against = facts.evidence().stream()
            .filter(e -> e.disqualifies(definition) && !e.at().isAfter(windowEnd)).toList();
        if (!against.isEmpty()) {
            return new Verdict(Verdict.State.NOT, describe(against.get(0)) + " inside the window.",
                    judged.confirmation(), judged.endedAt(), windowEnd, against);
        }
        if (now.isBefore(windowEnd)) {
            return new Verdict(Verdict.State.PENDING, "Confirmed; the window ends " + windowEnd + ".",
                    judged.confirmation(), judged.endedAt(), windowEnd, List.of());
        }
        return new Verdict(Verdict.State.VERIFIED, "The assistant handled it alone, the customer confirmed ("
                + judged.confirmation().kind() + "), and " + definition.window().toHours()
                + " h passed with no reopen, no repeat contact on the topic and no negative rating.",
                judged.confirmation(), judged.endedAt(), windowEnd, List.of());
    }

    static String describe(Evidence evidence) {
        return switch (evidence.kind()) {
            case REOPENED -> "Reopened at " + evidence.at();
            case REPEAT_SAME_TOPIC -> "The customer got in touch again on the same topic at " + evidence.at();
            case REPEAT_UNKNOWN_TOPIC -> "The customer got in touch again (topic unknown) at " + evidence.at();
            case RATED -> "Rated " + evidence.ref() + " of 5 at " + evidence.at();
            case HANDOFF -> "Handed to a person at " + evidence.at();
            case PROCEDURE_COMPLETED -> "Procedure " + evidence.ref() + " completed at " + evidence.at();
            case RATING_ASKED -> "Asked for a rating by email at " + evidence.at();
        };
    }

    private static Verdict not(String reason, Judged judged, Instant windowEnd) {
        return new Verdict(Verdict.State.NOT, reason, judged.confirmation(), judged.endedAt(), windowEnd, List.of());
    }

    /** Resolved: when; with the assistant or in the queue and quiet for {@code quietAfter}: the last message. */
    static Instant endedAt(OutcomeFacts facts, Duration quietAfter, Instant now) {
        if (facts.status() == ConversationStatus.RESOLVED) {
            return facts.resolvedAt();
        }
        boolean quiet = (facts.status() == ConversationStatus.AI || facts.status() == ConversationStatus.QUEUED)
                && facts.lastMessageAt() != null && !facts.lastMessageAt().plus(quietAfter).isAfter(now);
        return quiet ? facts.lastMessageAt() : null;
    }

    private static Optional<OutcomeFacts.Confirmation> confirmation(OutcomeFacts facts, ResolutionDefinition definition) {
        return facts.confirmations().stream().filter(c -> definition.confirmations().contains(c.kind()))
            .min(Comparator.comparing(OutcomeFacts.Confirmation::at));
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
