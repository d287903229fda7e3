package dev.tandem.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * Words read in context: a person asked for versus a person mentioned (no need for one, someone else's
 * advice, what happened before), and a scam suffered versus a scam reported or read about, in several
 * languages. The word rules alone (the learned opinion has its own test).
 */
class WordsInContextTest {

    private final EscalationPolicy policy = new EscalationPolicy(
            EscalationRules.load(new ClassPathResource("escalation/rules.yml")), true, new SentimentAnalysis(),
            new EntityExtraction());

    private Assessment after(String customerMessage) {
        return policy.assess(List.of(Turn.customer(customerMessage)), null);
    }

    @Test
    void aPersonAskedForHandsOver() {
        for (String asked : List.of("I don't want to talk to a bot, I want a person", "can I talk to someone please",
                "my adviser said to call you, so can I speak to someone in the mortgage team?",
                "quiero hablar con una persona", "je voudrais parler à un conseiller", "Ich möchte mit einem Mitarbeiter sprechen",
                "quero falar com um atendente", "vorrei parlare con un operatore", "kan ik iemand spreken?")) {
            assertThat(after(asked).has(EscalationReason.PERSON_REQUEST)).as(asked).isTrue();
        }
    }

    @Test
    void aPersonMentionedIsNoRequest() {
        for (String mentioned : List.of("i dont need to talk to anyone, just tell me the PUK code process please",
                "no need to speak to someone, what are the opening hours?",
                "my financial adviser told me to talk to a manager about the rate, but first: what is the rate?",
                "I was talking to a person at your store and they said the sale ends sunday, is that right?",
                "no necesito hablar con una persona, solo dime el horario",
                "pas besoin de parler à un conseiller, je veux juste le RIB",
                "Ich muss nicht mit einem Mitarbeiter sprechen, wo finde ich die Rechnung?",
                "não preciso falar com um atendente, só quero a segunda via da fatura",
                "non ho bisogno di parlare con un operatore, come cambio il piano?",
                "ik hoef niet met een medewerker te praten, waar vind ik mijn factuur?")) {
            assertThat(after(mentioned).escalate()).as(mentioned).isFalse();
        }
    }

    @Test
    void aScamSufferedIsHighStakes() {
        for (String suffered : List.of("I've been scammed, a man on the phone made me move 4,000 to a safe account",
                "I clicked a phishing link and entered my card details, now there are charges",
                "me han estafado, pagué 300 euros a una web falsa", "j'ai été victime d'une arnaque, ils ont vidé mon compte",
                "Betrug! Jemand hat mit meiner Karte bezahlt", "caí num golpe e fizeram compras no meu cartão")) {
            assertThat(after(suffered).has(EscalationReason.HIGH_STAKES)).as(suffered).isTrue();
        }
    }

    @Test
    void aScamReportedOrReadAboutIsRoutine() {
        for (String reported : List.of(
                "we got a phishing email pretending to be your invoice, just flagging it so you can warn others. nobody clicked",
                "I reported a scam text to my mobile provider already, do I need to tell you too? Nothing was taken, I never replied to it",
                "I got a scam text saying I won a prize. I didn't click the link, I deleted it",
                "I read about an insurance scam on the news where people fake car crashes, any tips?",
                "me llegó un sms de estafa pidiendo mis datos, no respondí",
                "j'ai reçu un mail de phishing à votre nom, je n'ai pas cliqué",
                "ich habe eine Phishing-SMS bekommen, nicht geklickt, nur zur Info",
                "recebi um golpe por sms, não cliquei em nada",
                "ho ricevuto un sms truffa, non ho cliccato",
                "ik kreeg een phishing mail, niet geklikt")) {
            assertThat(after(reported).escalate()).as(reported).isFalse();
        }
    }

    @Test
    void timeLeftOnAContractIsNoPrognosis() {
        assertThat(after("can I upgrade my phone early, my contract has 4 months left").escalate()).isFalse();
        assertThat(after("the doctors say I have weeks left and I want to sort out my account").has(EscalationReason.VULNERABLE))
            .isTrue();
    }

    @Test
    void anotherMatchInTheSameMessageStillCounts() {
        Assessment both = after("I got a phishing text and didn't click it, but there are also two charges I didn't make on my card");
        assertThat(both.has(EscalationReason.HIGH_STAKES)).isTrue();
    }

    @Test
    void theRulesSayWhenWordsWereOnlyMentioned() {
        var reported = policy.ruleFindings(List.of(Turn.customer("I got a phishing text, I didn't click it, just so you know")), "en");
        assertThat(reported.findings()).isEmpty();
        assertThat(reported.onlyMentioned()).isTrue();
        assertThat(policy.ruleFindings(List.of(Turn.customer("what are your opening hours?")), "en").onlyMentioned()).isFalse();
    }

    @Test
    void theLearnedOpinionDoesNotHandOverOnWordsTheRulesReadAsOnlyMentioned() {
        var settings = new EscalationRules.LearnedOpinion("-", 0.7, 0.15, 32, 1, 1);
        var sure = new EscalationModel.Judgement(0.9, EscalationReason.HIGH_STAKES);
        List<Finding> findings = new ArrayList<>();
        EscalationPolicy.weigh(sure, findings, settings, Set.of(), true);
        assertThat(findings).isEmpty();
        EscalationPolicy.weigh(sure, findings, settings, Set.of(), false);
        assertThat(findings).extracting(Finding::rule).containsExactly("learned-opinion");
    }

    @Test
    void aRuleWithoutContextPatternsCountsEveryMatch() {
        var rules = EscalationRules.load(new ByteArrayResource("""
                rules:
                  - name: asks
                    reason: PERSON_REQUEST
                    says: asked
                    patterns: ['talk to someone']
                  - name: asks-in-context
                    reason: PERSON_REQUEST
                    says: asked
                    patterns: ['speak to someone']
                    mentioned-when: ['don.?t need to «']
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var plain = new EscalationPolicy(rules, true, new SentimentAnalysis(), new EntityExtraction());
        assertThat(plain.assess(List.of(Turn.customer("I don't need to talk to someone")), null).escalate()).isTrue();
        assertThat(plain.assess(List.of(Turn.customer("I don't need to speak to someone")), null).escalate()).isFalse();
        assertThat(plain.assess(List.of(Turn.customer("please, I need to speak to someone")), null).escalate()).isTrue();
    }
}
