package dev.tandem.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.insight.OutcomeRules.Verdict.State;

/**
 * Every outcome rule on plain facts: how a conversation ended, its timings, and when it is a verified AI resolution
 * under the shipped definition (72 h window, answer or procedure confirmation, rating 2 or less negative).
 */
class OutcomeRulesTest {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration QUIET = Duration.ofHours(24);
    static final ResolutionDefinition DEFINITION = ResolutionDefinition.bundled();

    /** A conversation the assistant answered alone, the customer said "yes", resolved ten minutes in. */
    static final class Facts {
        ConversationStatus status = ConversationStatus.RESOLVED;
        Instant resolvedAt = START.plusSeconds(600);
        Instant lastMessageAt = START.plusSeconds(60);
        Instant handoffAt;
        boolean agentSpoke;
        AuthorType lastVisible = AuthorType.AI;
        String intent = "payment_methods";
        List<OutcomeFacts.Confirmation> confirmations = new ArrayList<>(List.of(new OutcomeFacts.Confirmation(
                ResolutionDefinition.ANSWER_CONFIRMED, START.plusSeconds(5), "answer")));
        boolean saidNoAfterYes;
        List<Evidence> evidence = new ArrayList<>();
        Integer csat;
        int repeated;

        Facts evidence(Evidence.Kind kind, Instant at, String ref) {
            evidence.add(new Evidence(UUID.randomUUID(), UUID.randomUUID(), kind, at, ref, at));
            return this;
        }

        OutcomeFacts build() {
            return new OutcomeFacts(UUID.randomUUID(), UUID.randomUUID(), null, null, "widget", status, START, START,
                    START.plusSeconds(5), handoffAt, agentSpoke, status == ConversationStatus.RESOLVED ? resolvedAt : null,
                    lastMessageAt, lastVisible, "en", intent, confirmations, saidNoAfterYes, repeated, evidence, csat);
        }
    }

    private static OutcomeRules.Verdict verdict(Facts facts, Instant now) {
        return OutcomeRules.verdict(facts.build(), DEFINITION, QUIET, now);
    }

    private static OutcomeRules.Judged judge(Facts facts, Instant now) {
        return OutcomeRules.judge(facts.build(), DEFINITION, QUIET, now);
    }

    private static final Instant AFTER_WINDOW = START.plus(Duration.ofHours(73));

    @Test
    void answeredAloneConfirmedAndUntouchedForTheWindowIsVerified() {
        var verdict = verdict(new Facts(), AFTER_WINDOW);
        assertThat(verdict.state()).isEqualTo(State.VERIFIED);
        assertThat(verdict.windowStart()).isEqualTo(START.plusSeconds(600));
        assertThat(verdict.windowEnd()).isEqualTo(START.plusSeconds(600).plus(Duration.ofHours(72)));
        assertThat(verdict.confirmation().kind()).isEqualTo("answer-confirmed");
    }

    @Test
    void beforeTheWindowHasPassedItIsPending() {
        assertThat(verdict(new Facts(), START.plus(Duration.ofHours(71))).state()).isEqualTo(State.PENDING);
    }

    @Test
    void aHandoffOrAPersonsMessageMeansThePersonResolvedIt() {
        var handedOver = new Facts();
        handedOver.handoffAt = START.plusSeconds(30);
        assertThat(verdict(handedOver, AFTER_WINDOW).state()).isEqualTo(State.NOT);
        assertThat(judge(handedOver, AFTER_WINDOW).outcome()).isEqualTo(Outcome.HUMAN_RESOLVED);
        var agentWrote = new Facts();
        agentWrote.agentSpoke = true;
        assertThat(verdict(agentWrote, AFTER_WINDOW).reason()).contains("person wrote");
        assertThat(judge(agentWrote, AFTER_WINDOW).outcome()).isEqualTo(Outcome.HUMAN_RESOLVED);
    }

    @Test
    void withoutTheCustomersConfirmationItIsOnlyClaimed() {
        var facts = new Facts();
        facts.confirmations.clear();
        assertThat(judge(facts, AFTER_WINDOW).outcome()).isEqualTo(Outcome.AI_RESOLVED);
        assertThat(verdict(facts, AFTER_WINDOW).state()).isEqualTo(State.NOT);
        assertThat(verdict(facts, AFTER_WINDOW).reason()).contains("did not confirm");
    }

    @Test
    void aCompletedProcedureConfirmsUnlessTheDefinitionLeavesItOut() {
        var facts = new Facts();
        facts.confirmations.clear();
        facts.confirmations.add(new OutcomeFacts.Confirmation(ResolutionDefinition.PROCEDURE_COMPLETED,
                START.plusSeconds(90), "password-reset"));
        assertThat(verdict(facts, AFTER_WINDOW).state()).isEqualTo(State.VERIFIED);
        var answersOnly = ResolutionDefinition.read(1, "window: 72h\nconfirmations: [answer-confirmed]\n");
        assertThat(OutcomeRules.verdict(facts.build(), answersOnly, QUIET, AFTER_WINDOW).state()).isEqualTo(State.NOT);
    }

    @Test
    void aReopenInsideTheWindowDisqualifiesOneAfterItDoesNot() {
        var inside = new Facts().evidence(Evidence.Kind.REOPENED, START.plus(Duration.ofHours(70)), null);
        assertThat(verdict(inside, AFTER_WINDOW).state()).isEqualTo(State.NOT);
        assertThat(verdict(inside, AFTER_WINDOW).against()).hasSize(1);
        var after = new Facts().evidence(Evidence.Kind.REOPENED, START.plus(Duration.ofHours(80)), null);
        assertThat(verdict(after, START.plus(Duration.ofHours(81))).state()).isEqualTo(State.VERIFIED);
    }

    @Test
    void aNewContactOnTheSameTopicInsideTheWindowDisqualifiesAnUnknownTopicAsConfigured() {
        var same = new Facts().evidence(Evidence.Kind.REPEAT_SAME_TOPIC, START.plus(Duration.ofHours(20)),
                UUID.randomUUID().toString());
        assertThat(verdict(same, AFTER_WINDOW).state()).isEqualTo(State.NOT);
        var unknown = new Facts().evidence(Evidence.Kind.REPEAT_UNKNOWN_TOPIC, START.plus(Duration.ofHours(20)),
                UUID.randomUUID().toString());
        assertThat(verdict(unknown, AFTER_WINDOW).state()).isEqualTo(State.NOT);
        var lenient = ResolutionDefinition.read(1, DEFINITION.yaml().replace("unknown-topic-is-same: true",
                "unknown-topic-is-same: false"));
        assertThat(OutcomeRules.verdict(unknown.build(), lenient, QUIET, AFTER_WINDOW).state()).isEqualTo(State.VERIFIED);
    }

    @Test
    void aNegativeRatingDisqualifiesAGoodOneDoesNot() {
        var poor = new Facts().evidence(Evidence.Kind.RATED, START.plus(Duration.ofHours(1)), "2");
        assertThat(verdict(poor, AFTER_WINDOW).state()).isEqualTo(State.NOT);
        assertThat(verdict(poor, AFTER_WINDOW).reason()).contains("Rated 2");
        var good = new Facts().evidence(Evidence.Kind.RATED, START.plus(Duration.ofHours(1)), "4");
        assertThat(verdict(good, AFTER_WINDOW).state()).isEqualTo(State.VERIFIED);
    }

    @Test
    void aNoToALaterAnswerAfterTheYesDisqualifies() {
        var facts = new Facts();
        facts.saidNoAfterYes = true;
        assertThat(verdict(facts, AFTER_WINDOW).state()).isEqualTo(State.NOT);
    }

    @Test
    void quietConversationsEndAfterTheQuietTime() {
        var answered = new Facts();
        answered.status = ConversationStatus.AI;
        assertThat(judge(answered, START.plus(Duration.ofHours(2))).outcome()).isEqualTo(Outcome.OPEN);
        var judged = judge(answered, START.plus(Duration.ofHours(25)));
        assertThat(judged.outcome()).as("the assistant spoke last").isEqualTo(Outcome.AI_RESOLVED);
        assertThat(judged.endedAt()).isEqualTo(answered.lastMessageAt);
        assertThat(verdict(answered, answered.lastMessageAt.plus(Duration.ofHours(73))).state()).isEqualTo(State.VERIFIED);

        var unanswered = new Facts();
        unanswered.status = ConversationStatus.AI;
        unanswered.lastVisible = AuthorType.CUSTOMER;
        assertThat(judge(unanswered, START.plus(Duration.ofHours(25))).outcome()).isEqualTo(Outcome.ABANDONED);

        var waiting = new Facts();
        waiting.status = ConversationStatus.QUEUED;
        waiting.handoffAt = START.plusSeconds(30);
        assertThat(judge(waiting, START.plus(Duration.ofHours(25))).outcome()).isEqualTo(Outcome.ABANDONED);

        var withAPerson = new Facts();
        withAPerson.status = ConversationStatus.ASSIGNED;
        assertThat(judge(withAPerson, START.plus(Duration.ofDays(5))).outcome()).as("a person's to close").isEqualTo(Outcome.OPEN);
    }

    @Test
    void aReopenedConversationIsReopenedWhileOpen() {
        var facts = new Facts().evidence(Evidence.Kind.REOPENED, START.plus(Duration.ofHours(1)), null);
        facts.status = ConversationStatus.ASSIGNED;
        var judged = judge(facts, START.plus(Duration.ofHours(2)));
        assertThat(judged.outcome()).isEqualTo(Outcome.REOPENED);
        assertThat(judged.reopens()).isEqualTo(1);
    }

    @Test
    void reliefRunsToTheFirstConfirmedHelpOrToResolution() {
        var facts = new Facts();
        var judged = judge(facts, AFTER_WINDOW);
        assertThat(judged.reliefSeconds()).isEqualTo(5);
        assertThat(judged.firstResponseSeconds()).isEqualTo(5);
        facts.confirmations.clear();
        assertThat(judge(facts, AFTER_WINDOW).reliefSeconds()).as("to resolution").isEqualTo(600);
        facts.status = ConversationStatus.AI;
        assertThat(judge(facts, START.plusSeconds(700)).reliefSeconds()).as("neither yet").isNull();
    }

    @Test
    void aRepeatContactCountsWithinSevenDays() {
        UUID next = UUID.randomUUID();
        var within = new Facts().evidence(Evidence.Kind.REPEAT_SAME_TOPIC, START.plus(Duration.ofDays(6)), next.toString());
        assertThat(judge(within, START.plus(Duration.ofDays(8))).repeatContactId()).isEqualTo(next);
        var later = new Facts().evidence(Evidence.Kind.REPEAT_SAME_TOPIC, START.plus(Duration.ofDays(9)), next.toString());
        assertThat(judge(later, START.plus(Duration.ofDays(10))).repeatContactId()).isNull();
    }

    @Test
    void theDefinitionSaysWhatIsWrongWithIt() {
        assertThat(DEFINITION.version()).isZero();
        assertThat(DEFINITION.window()).isEqualTo(Duration.ofHours(72));
        assertThat(ResolutionDefinition.read(2, "window: 3d\nconfirmations: [procedure-completed]").window())
            .isEqualTo(Duration.ofDays(3));
        assertThatThrownBy(() -> ResolutionDefinition.read(1, "window: soon\nconfirmations: [answer-confirmed]"))
            .isInstanceOf(ErrorResponseException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> ResolutionDefinition.read(1, "window: 72h\nconfirmations: [a-smile]"))
            .hasMessageContaining("Unknown confirmation");
        assertThatThrownBy(() -> ResolutionDefinition.read(1, "window: 72h\nconfirmations: [answer-confirmed]\nfoo: 1"))
            .hasMessageContaining("Unknown setting 'foo'");
        assertThatThrownBy(() -> ResolutionDefinition.read(1, "window: [")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ResolutionDefinition.read(1, "window: 72h\nconfirmations: [answer-confirmed]\n"
                + "negative-rating-at-most: 9")).hasMessageContaining("0 (ratings never disqualify) to 4");
    }
}
