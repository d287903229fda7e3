package dev.tandem.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scores a finished training session: the goal (did the customer get what they came for) and the contract's
 * default rubric, judged on the agent's messages by the plain rules of {@code simulation/training.yml}. Each item
 * says what it found, or what it missed, quoting the message, so a trainee can see why; the full quality review of
 * real conversations is another module's.
 */
final class TrainingRubric {

    /** A word of five or more capitals, not a code such as NW-1004: shouting. */
    private static final Pattern SHOUTING = Pattern.compile("(?<![\\p{L}\\d-])\\p{Lu}{5,}(?![\\p{L}\\d-])");

    private final TrainingPhrases phrases;

    TrainingRubric(TrainingPhrases phrases) {
        this.phrases = phrases;
    }

    TrainingScore score(Scenario scenario, List<TrainingTurn> turns) {
        List<TrainingTurn> agent = turns.stream().filter(TrainingTurn::byAgent).toList();
        var customer = TrainingCustomer.replay(scenario, agent.stream().map(TrainingTurn::text).toList());
        String goal = goal(scenario, agent, customer);
        List<TrainingScore.Item> items = new ArrayList<>();
        items.add(greeted(agent));
        items.add(acknowledgedFeelings(scenario, turns, agent));
        items.add(tookOwnership(agent));
        items.add(clearNextSteps(scenario, agent, customer.goalMet()));
        items.add(professionalTone(agent));
        items.add(confirmedResolution(agent));
        items.add(personalised(scenario, agent));
        items.add(closedProperly(turns));
        return new TrainingScore(customer.goalMet(), goal, List.copyOf(items));
    }

    private String goal(Scenario scenario, List<TrainingTurn> agent, TrainingCustomer customer) {
        var judge = new Judge(scenario.goal());
        Optional<TrainingTurn> met = Optional.empty();
        var replay = TrainingCustomer.replay(scenario, List.of());
        for (TrainingTurn turn : agent) {
            if (!replay.goalMet() && replay.meetsGoal(turn.text())) {
                met = Optional.of(turn);
            }
            replay.react(turn.text());
            if (met.isPresent()) {
                break;
            }
        }
        String wanted = wanted(scenario);
        if (customer.goalMet() && met.isPresent()) {
            return wanted + " Met by message " + met.get().seq() + ": " + quote(met.get().text());
        }
        if (customer.left()) {
            return wanted + " Not met: the customer ran out of patience and left.";
        }
        if (scenario.kind() == Scenario.Kind.PROCEDURE && !replay.verified()) {
            return wanted + " Not met: the customer was never asked for " + String.join(" and ",
                    scenario.facts().keySet().stream().filter(f -> !f.equals("name")).map(f -> f.replace('_', ' ')).toList())
                    + ", which the order system needs first.";
        }
        if ((scenario.kind() == Scenario.Kind.ANSWER || scenario.kind() == Scenario.Kind.PROCEDURE)
                && !scenario.goal().facts().isEmpty()) {
            List<String> missing = agent.isEmpty() ? scenario.goal().facts()
                    : agent.stream().map(t -> judge.missingFacts(t.text())).min((a, b) -> a.size() - b.size()).orElseThrow();
            return wanted + " Not met: no message said " + String.join(", ", missing.stream().map(f -> "'" + f.replace("|", "' or '") + "'").toList()) + ".";
        }
        return wanted + " Not met.";
    }

    /** What the customer came for, in words. */
    static String wanted(Scenario scenario) {
        Scenario.Goal goal = scenario.goal();
        return switch (scenario.kind()) {
            case ANSWER -> goal.facts().isEmpty()
                    ? "The customer needed the article " + String.join(" or ", goal.articles().stream().map(a -> "/help/" + a).toList()) + "."
                    : "The customer needed to hear " + String.join(", ", goal.facts().stream().map(f -> "'" + f.replace("|", "' or '") + "'").toList()) + ".";
            case PROCEDURE -> "The customer needed " + (goal.procedure() == null ? "their request" : goal.procedure().replace('-', ' '))
                    + " done: " + String.join(", ", goal.facts().stream().map(f -> "'" + f.replace("|", "' or '") + "'").toList())
                    + ", once they had given what identifies them.";
            case PERSON -> "The customer wanted a person who takes the problem on.";
            case OUT_OF_SCOPE -> "The customer asked for something Northwind does not do; a plain, honest no was the help.";
        };
    }

    private TrainingScore.Item greeted(List<TrainingTurn> agent) {
        if (agent.isEmpty()) {
            return item("greeted", "Greeting", false, "You sent no message.");
        }
        String first = agent.get(0).text();
        Optional<String> hello = phrases.find("greeting", first);
        Optional<String> welcome = phrases.find("welcome", first);
        if (hello.isPresent() && welcome.isPresent()) {
            return item("greeted", "Greeting", true, "Your first message opens with '" + hello.get() + "' and '" + welcome.get() + "'.");
        }
        return item("greeted", "Greeting", false, "Your first message " + quote(first) + (hello.isEmpty()
                ? " does not open with a greeting." : " greets but neither welcomes nor introduces you."));
    }

    private TrainingScore.Item acknowledgedFeelings(Scenario scenario, List<TrainingTurn> turns, List<TrainingTurn> agent) {
        Optional<String> feeling = turns.stream().filter(t -> !t.byAgent())
            .map(t -> phrases.find("feelings", t.text()).map(f -> quote(t.text())))
            .flatMap(Optional::stream).findFirst();
        if (feeling.isEmpty() && scenario.persona().mood() != Scenario.Mood.CALM) {
            feeling = Optional.of("the customer is " + scenario.persona().mood().name().toLowerCase(Locale.ROOT));
        }
        if (feeling.isEmpty()) {
            return item("acknowledged_feelings", "Acknowledged feelings", null, "The customer expressed no feelings.");
        }
        for (TrainingTurn turn : agent) {
            Optional<String> said = phrases.find("acknowledgement", turn.text());
            if (said.isPresent()) {
                return item("acknowledged_feelings", "Acknowledged feelings", true,
                        "The customer showed it (" + feeling.get() + "); you said '" + said.get() + "' in message " + turn.seq() + ".");
            }
        }
        return item("acknowledged_feelings", "Acknowledged feelings", false,
                "The customer showed it (" + feeling.get() + "); no message acknowledged it (a generic 'sorry for the inconvenience' does not count).");
    }

    private TrainingScore.Item tookOwnership(List<TrainingTurn> agent) {
        for (TrainingTurn turn : agent) {
            Optional<String> deflected = phrases.find("deflection", turn.text());
            if (deflected.isPresent()) {
                return item("took_ownership", "Took ownership", false, "Message " + turn.seq() + " deflects: '" + deflected.get() + "'.");
            }
        }
        return agent.stream().map(t -> phrases.find("ownership", t.text()).map(w -> "'" + w + "' in message " + t.seq()))
            .flatMap(Optional::stream).findFirst()
            .map(w -> item("took_ownership", "Took ownership", true, "You committed to act: " + w + "."))
            .orElse(item("took_ownership", "Took ownership", false, "No message says what you will do ('I'll…', 'let me…')."));
    }

    private TrainingScore.Item clearNextSteps(Scenario scenario, List<TrainingTurn> agent, boolean goalMet) {
        boolean nothingPending = goalMet && (scenario.kind() == Scenario.Kind.ANSWER || scenario.kind() == Scenario.Kind.OUT_OF_SCOPE);
        Optional<String> steps = agent.stream().map(t -> phrases.find("next_steps", t.text()).map(w -> "'" + w + "' in message " + t.seq()))
            .flatMap(Optional::stream).findFirst();
        if (steps.isPresent()) {
            return item("clear_next_steps", "Clear next steps", true, "You said what happens next: " + steps.get() + ".");
        }
        if (nothingPending) {
            return item("clear_next_steps", "Clear next steps", null, "Nothing was left pending once the question was answered.");
        }
        return item("clear_next_steps", "Clear next steps", false,
                "No message says concretely what happens next or what the customer must do (who, what, when).");
    }

    private TrainingScore.Item professionalTone(List<TrainingTurn> agent) {
        for (TrainingTurn turn : agent) {
            Optional<String> rude = phrases.find("rude", turn.text());
            var shouting = SHOUTING.matcher(turn.text());
            if (rude.isPresent() || shouting.find()) {
                return item("professional_tone", "Professional tone", false, "Message " + turn.seq() + ": '"
                        + rude.orElseGet(shouting::group) + "'.");
            }
        }
        return item("professional_tone", "Professional tone", agent.isEmpty() ? null : true, agent.isEmpty() ? "You sent no message."
                : "No rudeness, slang or shouting in your " + agent.size() + " message" + (agent.size() == 1 ? "" : "s") + ".");
    }

    private TrainingScore.Item confirmedResolution(List<TrainingTurn> agent) {
        List<TrainingTurn> last = agent.subList(Math.max(0, agent.size() - 2), agent.size());
        return last.stream().map(t -> phrases.find("confirmation", t.text()).map(w -> "'" + w + "' in message " + t.seq()))
            .flatMap(Optional::stream).findFirst()
            .map(w -> item("confirmed_resolution", "Confirmed resolution", true, "Near the end you checked: " + w + "."))
            .orElse(item("confirmed_resolution", "Confirmed resolution", false,
                    "Neither of your last two messages asks whether the issue is solved or anything else is needed."));
    }

    private TrainingScore.Item personalised(Scenario scenario, List<TrainingTurn> agent) {
        String firstName = scenario.persona().name().split("\\s+")[0];
        List<String> details = new ArrayList<>();
        if (!firstName.equalsIgnoreCase("customer")) {
            details.add(firstName);
        }
        scenario.facts().forEach((fact, value) -> {
            if (!fact.equals("name")) {
                details.add(value);
            }
        });
        for (TrainingTurn turn : agent) {
            String plain = Judge.normalise(turn.text());
            for (String detail : details) {
                if (plain.contains(Judge.normalise(detail))) {
                    return item("personalised", "Personalised", true, "You used '" + detail + "' in message " + turn.seq() + ".");
                }
            }
        }
        return item("personalised", "Personalised", false, "No message uses the customer's name or details of their case ("
                + String.join(", ", details) + ").");
    }

    private TrainingScore.Item closedProperly(List<TrainingTurn> turns) {
        if (turns.isEmpty() || !turns.get(turns.size() - 1).byAgent()) {
            return item("closed_properly", "Closed properly", false, "The customer spoke last: the session did not end with your closing.");
        }
        TrainingTurn last = turns.get(turns.size() - 1);
        return phrases.find("closing", last.text())
            .map(w -> item("closed_properly", "Closed properly", true, "Your last message closes politely: '" + w + "'."))
            .orElse(item("closed_properly", "Closed properly", false, "Your last message " + quote(last.text()) + " has no polite closing."));
    }

    private static TrainingScore.Item item(String name, String label, Boolean passed, String evidence) {
        return new TrainingScore.Item(name, label, passed, evidence);
    }

    static String quote(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return "\"" + (line.length() <= 140 ? line : line.substring(0, 139) + "…") + "\"";
    }
}
