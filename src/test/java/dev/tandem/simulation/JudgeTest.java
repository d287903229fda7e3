package dev.tandem.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.simulation.WidgetConversation.Citation;
import dev.tandem.simulation.WidgetConversation.Message;

/** The customer's judgement: which replies meet a goal, which choice to pick, how they rate it. */
class JudgeTest {

    private static Message ai(String text, String kind, String... slugs) {
        return new Message("m", "AI", text, kind, Instant.now(),
                java.util.Arrays.stream(slugs).map(s -> new Citation("Title of " + s, "http://x/help/" + s, null)).toList());
    }

    @Test
    void anAnswerMeetsTheGoalWhenItCitesAnExpectedArticleAndHoldsEveryFact() {
        var judge = new Judge(new Scenario.Goal(List.of("shipping-costs", "international-shipping"), List.of("9.95", "5–8|5-8"), null));
        assertThat(judge.meetsGoal(ai("Canada: $9.95, 5-8 business days.", "PLAIN", "shipping-costs"))).isTrue();
        // the en dash of the article and a hyphen are the same to a reader; case and accents do not matter
        assertThat(judge.meetsGoal(ai("CANADA $9.95, 5–8 DAYS", "PLAIN", "international-shipping"))).isTrue();
        var wrongArticle = ai("Canada: $9.95, 5-8 business days.", "PLAIN", "shipping-times");
        assertThat(judge.meetsGoal(wrongArticle)).isFalse();
        assertThat(judge.whyNot(wrongArticle)).contains("cited [shipping-times]", "expected one of [shipping-costs");
        var missingFact = ai("Canada: 5-8 business days.", "PLAIN", "shipping-costs");
        assertThat(judge.meetsGoal(missingFact)).isFalse();
        assertThat(judge.whyNot(missingFact)).isEqualTo("missing [9.95]");
    }

    @Test
    void alternativesAcceptEitherWritingAndAccentsAreIgnored() {
        var judge = new Judge(new Scenario.Goal(List.of(), List.of("14.95|14,95", "expédition"), null));
        assertThat(judge.meetsGoal(ai("Frais d'expedition : 14,95 USD", "PLAIN", "shipping-costs"))).isTrue();
        assertThat(judge.meetsGoal(ai("Frais d'expédition : 9,95 USD", "PLAIN", "shipping-costs"))).isFalse();
    }

    @Test
    void aProcedureReplyMeetsTheGoalByItsFactsWithoutCitation() {
        var judge = new Judge(new Scenario.Goal(List.of(), List.of("1Z999AA10123456785"), "order-status"));
        assertThat(judge.meetsGoal(ai("Your order NW-1004 is on its way with UPS. Tracking number: 1Z999AA10123456785.", "PLAIN")))
            .isTrue();
        assertThat(judge.meetsGoal(ai("What's your order number?", "PLAIN"))).isFalse();
    }

    @Test
    void choicesAreNeverAnAnswerAndTheCustomerPicksTheOneTheGoalNames() {
        var judge = new Judge(new Scenario.Goal(List.of("return-window"), List.of(), null));
        var choices = ai("I found a few help articles that may answer this.", "CHOICES", "return-an-item", "return-window");
        assertThat(Judge.isAnswer(choices)).isFalse();
        assertThat(Judge.isChoices(choices)).isTrue();
        assertThat(judge.meetsGoal(choices)).isFalse();
        assertThat(judge.choose(choices)).map(Citation::title).contains("Title of return-window");
        assertThat(new Judge(new Scenario.Goal(List.of("cookies"), List.of(), null)).choose(choices)).isEmpty();
    }

    @Test
    void aGoalWithNothingToMeetIsNeverMetAndCustomersAndAgentsDoNotAnswer() {
        var outOfScope = new Judge(new Scenario.Goal(List.of(), List.of(), null));
        assertThat(outOfScope.meetsGoal(ai("Here is what our help article says", "PLAIN", "cookies"))).isFalse();
        assertThat(outOfScope.whyNot(ai("Here is what our help article says", "PLAIN", "cookies")))
            .startsWith("answered from [cookies], though");
        var judge = new Judge(new Scenario.Goal(List.of(), List.of("60 days"), null));
        assertThat(judge.meetsGoal(new Message("m", "AGENT", "You have 60 days", "PLAIN", Instant.now(), List.of())))
            .isFalse();
    }

    @Test
    void theArticleOfACitationIsTheSlugOfItsHelpLinkOrElseItsId() {
        assertThat(new Citation("T", "https://help.example/help/return-window?x=1", "id-1").article()).isEqualTo("return-window");
        assertThat(new Citation("T", null, "id-1").article()).isEqualTo("id-1");
    }

    @Test
    void ratingsFollowTheOutcomeAndAnAngryCustomerRatesLower() {
        assertThat(Rating.of(Outcome.RESOLVED_BY_AI, false, 1, Scenario.Mood.CALM)).isEqualTo(5);
        assertThat(Rating.of(Outcome.RESOLVED_BY_AI, false, 4, Scenario.Mood.CALM)).isEqualTo(4);
        assertThat(Rating.of(Outcome.RESOLVED_BY_AI, true, 4, Scenario.Mood.ANGRY)).isEqualTo(2);
        assertThat(Rating.negative(2)).isTrue();
        assertThat(Rating.of(Outcome.ESCALATED_CORRECTLY, false, 1, Scenario.Mood.CALM)).isEqualTo(4);
        assertThat(Rating.of(Outcome.UNRESOLVED, true, 3, Scenario.Mood.ANGRY)).isEqualTo(1);
    }
}
