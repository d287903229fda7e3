package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

class EscalationPolicyTest {

    /** The word rules alone: the learned opinion has its own test. */
    private final EscalationPolicy policy = new EscalationPolicy(
            EscalationRules.load(new org.springframework.core.io.ClassPathResource("escalation/rules.yml")), true,
            new SentimentAnalysis(), new EntityExtraction());

    private Assessment after(String... customerMessages) {
        return policy.assess(List.of(customerMessages).stream().map(Turn::customer).toList(), "en");
    }

    @Test
    void aRequestForAPersonInAnyWordsOrLanguage() {
        for (String asked : List.of("Can I talk to a human please?", "agent pls", "is there someone I can call?",
                "could someone from your team look into it", "¿Me pasas con alguien?", "Je voudrais parler à un conseiller",
                "Ich möchte mit einem Mitarbeiter sprechen", "Quero falar com um atendente", "Vorrei parlare con un operatore",
                "Kan ik iemand spreken?")) {
            Assessment assessment = after(asked);
            assertThat(assessment.has(EscalationReason.PERSON_REQUEST)).as(asked).isTrue();
            assertThat(assessment.inWords()).contains("asked to talk to a person");
        }
    }

    @Test
    void theSameWordsInOtherSensesAreNotARequest() {
        for (String routine : List.of("Can my manager also use my account?", "I'm a travel agent, do you do group orders?",
                "Is the jacket good for a person 190 cm tall?", "Do you call me when it ships?",
                "Can you talk me through the sizes?", "I talked to someone at your store yesterday, is that right?",
                "is there a phone pocket inside the jacket?")) {
            assertThat(after(routine).escalate()).as(routine).isFalse();
        }
    }

    @Test
    void aYesToTheOfferOfAPersonIsARequestANoIsNot() {
        var offered = Turn.ai("I don't know; would you like to talk to a person?", Turn.AiOutcome.NOT_ANSWERED);
        assertThat(policy.assess(List.of(Turn.customer("Can I bring my dog?"), offered, Turn.customer("yes please")), "en")
            .has(EscalationReason.PERSON_REQUEST)).isTrue();
        assertThat(policy.assess(List.of(Turn.customer("Can I bring my dog?"), offered, Turn.customer("no thanks")), "en")
            .escalate()).isFalse();
    }

    @Test
    void highStakesAreUrgentWithTheirReasonInWords() {
        Assessment fraud = after("There's a $312 charge on my card and I never ordered anything from you");
        assertThat(fraud.has(EscalationReason.HIGH_STAKES)).isTrue();
        assertThat(fraud.priority()).isEqualTo(Priority.HIGH);
        assertThat(fraud.inWords()).contains("never placed");

        assertThat(after("My account was hacked, someone changed my email").has(EscalationReason.HIGH_STAKES)).isTrue();
        assertThat(after("I will contact my lawyer about this").has(EscalationReason.HIGH_STAKES)).isTrue();
        assertThat(after("The stove leaked gas and caught fire").priority()).isEqualTo(Priority.URGENT);
        assertThat(after("Please cancel my Trail Rewards membership").has(EscalationReason.HIGH_STAKES)).isTrue();
        assertThat(after("You refunded $180 of my $1,150 order, I want the rest").has(EscalationReason.HIGH_STAKES))
            .isTrue();
    }

    @Test
    void routineQuestionsWithAlarmingWordsStayWithTheAssistant() {
        for (String routine : List.of("When will I be charged?", "How do I cancel my order?", "I'm a lawyer and need a smart rain jacket",
                "My watch battery is dead, is it covered?", "Is the stove safe to use in a tent?",
                "Unsubscribe me from the newsletter", "Thanks, that solved it!")) {
            assertThat(after(routine).escalate()).as(routine).isFalse();
        }
    }

    @Test
    void vulnerableCustomersGetACarefulHoldingMessage() {
        Assessment bereaved = after("My father passed away last month and I need to return his order");
        assertThat(bereaved.has(EscalationReason.VULNERABLE)).isTrue();
        assertThat(HoldingMessages.of(policy.holdingKind(bereaved), "en")).contains("so sorry");

        Assessment crisis = after("honestly nothing matters anymore, just cancel everything");
        assertThat(crisis.priority()).isEqualTo(Priority.URGENT);
        assertThat(HoldingMessages.of(policy.holdingKind(crisis), "es")).contains("emergencias");
    }

    @Test
    void frustrationHighOrRising() {
        assertThat(after("THIS IS RIDICULOUS, WHERE IS MY ORDER").has(EscalationReason.FRUSTRATION)).isTrue();
        var answered = Turn.ai("Here is what our help centre says: ...", Turn.AiOutcome.ANSWERED);
        assertThat(policy.assess(List.of(Turn.customer("where is my order"), answered,
                Turn.customer("still nothing after 3 weeks, I'm so annoyed")), "en").has(EscalationReason.FRUSTRATION))
            .isTrue();
    }

    @Test
    void answersThatDidNotHelp() {
        var answered = Turn.ai("Here is what our help centre says: ...", Turn.AiOutcome.ANSWERED);
        assertThat(policy.assess(List.of(Turn.customer("how do I use my store credit"), answered,
                Turn.customer("that didn't help, it's not showing")), "en").has(EscalationReason.REPETITION)).isTrue();
        assertThat(policy.assess(List.of(Turn.customer("how do I redeem my gift card"), answered,
                Turn.customer("how do I redeem my gift card at checkout")), "en").has(EscalationReason.REPETITION)).isTrue();
        assertThat(policy.assess(List.of(Turn.customer("how do I redeem my gift card"), answered,
                Turn.customer("thanks! and how long does shipping take?")), "en").escalate()).isFalse();

        var notAnswered = Turn.ai("I'm not sure I can answer that.", Turn.AiOutcome.NOT_ANSWERED);
        Assessment twice = policy.assess(List.of(Turn.customer("a"), notAnswered, Turn.customer("b"), notAnswered,
                Turn.customer("c")), "en");
        assertThat(twice.has(EscalationReason.OUT_OF_SCOPE)).isTrue();
        assertThat(twice.onlyUnanswered()).isTrue();
    }

    @Test
    void switchedOffOnlyARequestForAPersonHandsOver() {
        var rules = EscalationRules.load(new org.springframework.core.io.ClassPathResource("escalation/rules.yml"));
        var quiet = new EscalationPolicy(rules, false, new SentimentAnalysis(), new EntityExtraction());
        assertThat(quiet.assess(List.of(Turn.customer("THIS IS RIDICULOUS, my card was stolen")), "en").escalate())
            .isFalse();
        assertThat(quiet.assess(List.of(Turn.customer("let me talk to a human")), "en").escalate()).isTrue();
    }

    @Test
    void aBrokenRulesFileSaysWhatIsWrong() {
        var broken = new ByteArrayResource("""
                rules:
                  - name: typo
                    reason: HIGH_STAKES
                    says: Broken.
                    patterns: ['(unclosed']
                """.getBytes(), "rules.yml");
        assertThatThrownBy(() -> new EscalationPolicy(EscalationRules.load(broken), true, new SentimentAnalysis(),
                new EntityExtraction())).hasMessageContaining("typo").hasMessageContaining("(unclosed");

        var noWords = new ByteArrayResource("rules:\n  - name: silent\n    reason: FRUSTRATION\n    patterns: ['x']\n"
            .getBytes(), "rules.yml");
        assertThatThrownBy(() -> EscalationRules.load(noWords)).hasStackTraceContaining("does not say why");
    }
}
