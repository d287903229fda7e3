package dev.tandem.simulation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated customer of a training session, turn by turn: the scenario's persona reacting to a person's
 * messages. It keeps no state of its own: {@link #replay} reads it again from the agent's earlier messages, since
 * every decision rests on them and the scenario alone (a language model only words the lines), so a session
 * survives a restart or another node without a stored mind.
 *
 * <p>The rules, in order: a message that meets the goal is thanked (grudgingly by an upset customer nobody
 * acknowledged); after that, the customer says it was all and then stays silent. A question for a fact the customer
 * holds is answered with it. A greeting, an acknowledgement or a "let me check" is waited for, twice at most. Anything
 * else did not help and costs patience — twice as much from an angry or frustrated customer whose feelings nobody
 * acknowledged, who says so — and the customer follows up while patience lasts, then gives up and leaves.
 */
final class TrainingCustomer {

    /** Beyond this many customer lines a session is going nowhere, whatever the persona's patience. */
    static final int MAX_CUSTOMER_TURNS = 12;
    /** Messages a person may spend on greeting, acknowledging or "let me check" before the customer grows impatient. */
    static final int HOLDS = 2;

    enum Act {
        THANK, UNDERSTOOD, DONE, GIVE, WAIT, FOLLOW_UP, GIVE_UP, SILENT
    }

    /**
     * What the customer does about one message of the agent.
     *
     * @param intent for a voice: what the customer means ({@code give:order_number}, {@code thank}, ...)
     * @param scripted the scripted words; null when the customer says nothing
     */
    record Reaction(Act act, String intent, String scripted) {

        boolean leaves() {
            return act == Act.GIVE_UP;
        }
    }

    private final Scenario scenario;
    private final TrainingPhrases phrases;
    private final Prompts prompts;
    private final Judge judge;
    private final Deque<String> followUps;
    private final Map<String, Integer> asked = new HashMap<>();
    private int patience;
    private int holds;
    private int customerTurns = 1;
    private boolean acknowledged;
    private boolean goalMet;
    private boolean wrappedUp;
    private boolean left;

    private TrainingCustomer(Scenario scenario, TrainingPhrases phrases, Prompts prompts) {
        this.scenario = scenario;
        this.phrases = phrases;
        this.prompts = prompts;
        this.judge = new Judge(scenario.goal());
        this.followUps = new ArrayDeque<>(scenario.followUps());
        this.patience = scenario.persona().patience();
    }

    /** The customer as they are after these messages of the agent (oldest first). */
    static TrainingCustomer replay(Scenario scenario, List<String> agentMessages) {
        var customer = new TrainingCustomer(scenario, TrainingPhrases.shipped(), Prompts.shipped());
        agentMessages.forEach(customer::react);
        return customer;
    }

    boolean goalMet() {
        return goalMet;
    }

    boolean left() {
        return left;
    }

    /** Angry or frustrated, and nobody has acknowledged it yet. */
    boolean upset() {
        return scenario.persona().mood() != Scenario.Mood.CALM && !acknowledged;
    }

    Reaction react(String agentText) {
        if (left) {
            return silent();
        }
        if (phrases.matches("acknowledgement", agentText)) {
            acknowledged = true;
        }
        if (goalMet) {
            if (wrappedUp) {
                return silent();
            }
            wrappedUp = true;
            return say(Act.DONE, "done", line("done"));
        }
        if (meetsGoal(agentText)) {
            goalMet = true;
            if (scenario.kind() == Scenario.Kind.OUT_OF_SCOPE) {
                return say(Act.UNDERSTOOD, "understood", line("understood"));
            }
            return say(Act.THANK, "thank", line(upset() ? "thanks_angry" : "thanks"));
        }
        if (customerTurns >= MAX_CUSTOMER_TURNS) {
            return leave();
        }
        Optional<String> fact = agentText.contains("?") ? prompts.askedFor(agentText) : Optional.empty();
        if (fact.isPresent()) {
            int times = asked.merge(fact.get(), 1, Integer::sum);
            Optional<String> value = value(fact.get());
            if (value.isPresent() && times <= 3) {
                return say(Act.GIVE, "give:" + fact.get(), value.get());
            }
            if (value.isEmpty() && times <= 1) {
                return say(Act.GIVE, "dont-have", prompts.line(fact.get().equals("code") ? "no_code" : "dont_have",
                        scenario.language()));
            }
        }
        boolean holding = phrases.matches("greeting", agentText) || phrases.matches("ownership", agentText)
                || phrases.matches("acknowledgement", agentText);
        if (holding && holds < HOLDS) {
            holds++;
            return say(Act.WAIT, "wait", line(upset() ? "wait_angry" : "wait"));
        }
        patience -= upset() ? 2 : 1;
        if (patience < 0) {
            return leave();
        }
        String again = followUps.isEmpty() ? scenario.opening() : followUps.poll();
        return say(Act.FOLLOW_UP, "follow-up", line(upset() ? "ignored" : "restate") + " " + again);
    }

    /**
     * The goal, by kind: the facts (or the article) for a question; the same after the customer gave what identifies
     * them, for a procedure; for someone who wanted a person, a person who takes it on (and, if they are upset, has
     * acknowledged it first); a plain "we can't" when out of scope.
     */
    boolean meetsGoal(String agentText) {
        return switch (scenario.kind()) {
            case ANSWER -> judge.metInWords(agentText);
            case PROCEDURE -> judge.metInWords(agentText) && verified();
            case PERSON -> phrases.matches("ownership", agentText) && !upset();
            case OUT_OF_SCOPE -> phrases.matches("decline", agentText);
        };
    }

    /** For a procedure: the customer has given every fact that identifies them (as a real check would need). */
    boolean verified() {
        return scenario.facts().keySet().stream().filter(fact -> !fact.equals("name")).allMatch(fact -> asked.containsKey(fact)
                || scenario.opening().contains(scenario.facts().get(fact)));
    }

    private Optional<String> value(String fact) {
        if (fact.equals("email") && !scenario.facts().containsKey("email")) {
            return Optional.ofNullable(scenario.persona().email());
        }
        return Optional.ofNullable(scenario.facts().get(fact));
    }

    private Reaction leave() {
        left = true;
        customerTurns++;
        return new Reaction(Act.GIVE_UP, "give-up", line(upset() ? "give_up_angry" : "give_up"));
    }

    private Reaction say(Act act, String intent, String text) {
        customerTurns++;
        return new Reaction(act, intent, text);
    }

    private static Reaction silent() {
        return new Reaction(Act.SILENT, "silent", null);
    }

    private String line(String key) {
        return phrases.line(key, scenario.language());
    }
}
