package dev.tandem.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The training customer and the rubric on every shipped scenario, without the application: a careful agent (greets,
 * asks for what identifies the customer, acknowledges, gives what the goal needs, checks, closes) meets every goal
 * with every rubric item; an agent who ignores the customer meets none, and every customer leaves within their
 * patience. So no scenario of the file is one a trainee cannot win, or one where ignoring the customer pays.
 */
class TrainingCustomerTest {

    private final TrainingRubric rubric = new TrainingRubric(TrainingPhrases.shipped());

    /** Plays the agent's messages in order, as the API does, and returns the whole transcript. */
    private static List<TrainingTurn> play(Scenario scenario, List<String> agentMessages) {
        List<TrainingTurn> turns = new ArrayList<>();
        turns.add(new TrainingTurn(1, TrainingTurn.Author.CUSTOMER, scenario.opening(), Instant.now()));
        var customer = TrainingCustomer.replay(scenario, List.of());
        for (String text : agentMessages) {
            if (customer.left()) {
                break;
            }
            turns.add(new TrainingTurn(turns.size() + 1, TrainingTurn.Author.AGENT, text, Instant.now()));
            var reaction = customer.react(text);
            if (reaction.scripted() != null) {
                turns.add(new TrainingTurn(turns.size() + 1, TrainingTurn.Author.CUSTOMER, reaction.scripted(), Instant.now()));
            }
        }
        return turns;
    }

    /** What a careful agent says to this customer. */
    static List<String> careful(Scenario scenario) {
        String name = scenario.persona().name().split(" ")[0];
        List<String> said = new ArrayList<>();
        said.add("Hi " + name + ", thanks for contacting Northwind, I'm Sam.");
        Map<String, String> questions = Map.of("order_number", "Could you give me your order number?", "email",
                "What is the email address on your account?", "gift_card", "What is the number of your gift card?", "amount",
                "How much should I refund?", "new_address", "What is the new delivery address?");
        if (scenario.kind() == Scenario.Kind.PROCEDURE) {
            scenario.facts().keySet().stream().filter(questions::containsKey).forEach(fact -> said.add(questions.get(fact)));
        }
        String help = switch (scenario.kind()) {
            case ANSWER, PROCEDURE -> scenario.goal().facts().isEmpty()
                    ? "the details are at /help/" + scenario.goal().articles().get(0)
                    : "here it is: " + scenario.goal().facts().stream().map(f -> f.split("\\|")[0]).collect(Collectors.joining(", "));
            case PERSON -> "I'll take care of this myself now";
            case OUT_OF_SCOPE -> "I'm afraid we don't offer that";
        };
        said.add("I understand, " + name + ", and I'm sorry to hear that. " + help
                + ". I'll also email you a summary within 24 hours.");
        said.add("Is there anything else I can help you with?");
        said.add("Have a great day, " + name + "!");
        return said;
    }

    @Test
    void aCarefulAgentMeetsEveryGoalWithEveryRubricItem() {
        List<Scenario> scenarios = ScenarioFile.demo();
        List<String> failures = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            TrainingScore score = rubric.score(scenario, play(scenario, careful(scenario)));
            if (!score.goalMet()) {
                failures.add(scenario.id() + ": " + score.goal());
            }
            score.items().stream().filter(i -> Boolean.FALSE.equals(i.passed()))
                .forEach(i -> failures.add(scenario.id() + " " + i.name() + ": " + i.evidence()));
        }
        assertThat(failures).isEmpty();
        assertThat(scenarios).hasSize(208);
    }

    @Test
    void anAgentWhoIgnoresTheCustomerMeetsNoGoalAndEveryCustomerLeaves() {
        for (Scenario scenario : ScenarioFile.demo()) {
            List<String> ignoring = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ignoring.add("Please see our website.");
            }
            List<TrainingTurn> turns = play(scenario, ignoring);
            TrainingScore score = rubric.score(scenario, turns);
            assertThat(score.goalMet()).as(scenario.id()).isFalse();
            long sent = turns.stream().filter(TrainingTurn::byAgent).count();
            // patience unhelpful replies are taken, the next one ends it; an upset customer ignored takes half as many
            assertThat(sent).as(scenario.id()).isLessThanOrEqualTo(scenario.persona().patience() + 1);
            assertThat(turns.get(turns.size() - 1).byAgent()).as(scenario.id() + " ends with the customer leaving").isFalse();
            assertThat(score.items().stream().filter(i -> i.name().equals("greeted")).findFirst().orElseThrow().passed()).isFalse();
        }
    }

    @Test
    void anUpsetCustomerStaysUpsetUntilAcknowledged() {
        Scenario angry = ScenarioFile.demo().stream().filter(s -> s.id().equals("angry-useless")).findFirst().orElseThrow();
        var customer = TrainingCustomer.replay(angry, List.of());
        assertThat(customer.upset()).isTrue();
        assertThat(customer.react("Hello, let me check.").scripted()).contains("waited long enough");
        assertThat(customer.react("Have you tried clearing your cookies?").scripted()).startsWith("You're not even listening to me.")
            .endsWith("that did not help at all");
        assertThat(customer.upset()).isTrue();
        assertThat(customer.react("I'm really sorry about this, Olivia, that sounds frustrating. I'll process the return for you myself.")
            .act()).isEqualTo(TrainingCustomer.Act.THANK);
        assertThat(customer.upset()).isFalse();
    }
}
