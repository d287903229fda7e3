package dev.tandem.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.simulation.WidgetConversation.Message;

/**
 * One scripted customer living through their scenario: says the opening, reads every reply, gives the
 * facts a procedure asks for, picks the offered article their goal names, says whether an answer helped,
 * follows up when it did not, and presses "talk to a person" when their patience runs out; then waits for
 * the person, and rates the conversation.
 */
final class SimulatedCustomer {

    /** Beyond this many messages a conversation is going nowhere, whatever the persona's patience. */
    private static final int MAX_TURNS = 12;
    private static final String DEFAULT_AGENT_REPLY = "Hi %s, I'm from the Northwind team and I've got this: "
            + "I'll sort it out for you now.";

    private final Http http;
    private final String inbox;
    private final CustomerVoice voice;
    private final Prompts prompts;
    private final Optional<SimulatedAgent> agent;
    private final Optional<SimulatedAgent.Mailbox> mailbox;
    private final Duration replyTimeout;
    private final Duration agentTimeout;

    SimulatedCustomer(Http http, String inbox, CustomerVoice voice, Prompts prompts, Optional<SimulatedAgent> agent,
            Optional<SimulatedAgent.Mailbox> mailbox, Duration replyTimeout, Duration agentTimeout) {
        this.http = http;
        this.inbox = inbox;
        this.voice = voice;
        this.prompts = prompts;
        this.agent = agent;
        this.mailbox = mailbox;
        this.replyTimeout = replyTimeout;
        this.agentTimeout = agentTimeout;
    }

    /** What happened so far in one conversation. */
    private static final class Run {
        final Scenario scenario;
        final Judge judge;
        final WidgetConversation conversation;
        final Deque<String> followUps;
        final List<String> why = new ArrayList<>();
        final Map<String, Integer> asked = new HashMap<>();
        final java.util.Set<String> triedCodes = new java.util.HashSet<>();
        int patience;
        int turns;
        boolean goalMet;
        boolean confirmed;
        boolean wrongAnswer;
        boolean customerInsisted;
        boolean escalated;
        boolean hadToRepeat;
        Instant reliefAt;

        Run(Scenario scenario, WidgetConversation conversation) {
            this.scenario = scenario;
            this.judge = new Judge(scenario.goal());
            this.conversation = conversation;
            this.followUps = new ArrayDeque<>(scenario.followUps());
            this.patience = scenario.persona().patience();
        }
    }

    ConversationResult live(Scenario scenario) {
        var conversation = new WidgetConversation(http, replyTimeout);
        Run run = new Run(scenario, conversation);
        try {
            String opening = voice.say(scenario, new CustomerVoice.Turn("open", scenario.opening()), List.of());
            run.turns = 1;
            List<Message> replies = conversation.start(inbox, opening, scenario.persona().name(), scenario.persona().email());
            while (!run.escalated && run.turns < MAX_TURNS) {
                if (handedOver(conversation.status())) {
                    run.escalated = true;
                    break;
                }
                Optional<List<Message>> next = react(run, replies);
                if (next.isEmpty()) {
                    break;
                }
                replies = next.get();
            }
            if (!run.escalated && handedOver(conversation.status())) {
                run.escalated = true;
            }
            if (run.escalated) {
                if (!run.customerInsisted && agent.isPresent()) {
                    agent.get().handoffReasons(conversation.id()).forEach(reason -> run.why.add("handed over: " + reason));
                }
                checkHandoffHolds(run);
                awaitPerson(run);
            }
            return result(run, null);
        } catch (Http.Failure e) {
            return result(run, e.getMessage());
        } catch (RuntimeException e) {
            // an answer the simulator could not read ends this conversation, not the whole run
            return result(run, "the simulator failed on this conversation: " + e);
        }
    }

    /** The customer's reaction to the replies; empty when they are done talking. */
    private Optional<List<Message>> react(Run run, List<Message> replies) {
        List<Message> fromAssistant = replies.stream().filter(Message::fromAssistant).toList();
        for (Message reply : fromAssistant) {
            if (run.judge.meetsGoal(reply)) {
                run.goalMet = true;
                run.reliefAt = reply.createdAt();
                if (Judge.isAnswer(reply)) {
                    run.conversation.feedback(reply, true);
                }
                run.confirmed = true;
                return Optional.empty();
            }
        }
        if (fromAssistant.isEmpty()) {
            run.why.add("no reply from the assistant within " + replyTimeout.toSeconds() + " s");
            return unhelped(run);
        }
        Message last = fromAssistant.get(fromAssistant.size() - 1);
        if (Judge.isAnswer(last)) {
            if (run.scenario.kind() == Scenario.Kind.ANSWER || run.scenario.kind() == Scenario.Kind.OUT_OF_SCOPE) {
                run.wrongAnswer = true;
                run.why.add("wrong answer: " + run.judge.whyNot(last));
            } else {
                run.why.add("answered from " + last.citations().get(0).article() + " instead");
            }
            List<Message> after = run.conversation.feedback(last, false);
            if (handedOver(run.conversation.status())) {
                return Optional.of(after);
            }
            Optional<Message> offered = after.stream().filter(Judge::isChoices).reduce((a, b) -> b);
            if (offered.isPresent() && run.judge.choose(offered.get()).isPresent()) {
                return Optional.of(after);
            }
            if (wantsPerson(run) && after.stream().anyMatch(m -> m.fromAssistant() && prompts.offersPerson(m.text()))) {
                return Optional.of(acceptPerson(run));
            }
            return unhelped(run);
        }
        if (Judge.isChoices(last)) {
            var chosen = run.judge.choose(last);
            if (chosen.isPresent()) {
                run.turns++;
                // a click on the choice posts its title, as the widget's button does
                return Optional.of(run.conversation.say(chosen.get().title()));
            }
            run.why.add("offered " + last.citations().stream().map(c -> c.article()).toList() + ", none the goal's");
            return unhelped(run);
        }
        if (prompts.waitsForPerson(last.text())) {
            return approval(run);
        }
        Optional<String> fact = prompts.askedFor(last.text());
        if (fact.isPresent()) {
            int times = run.asked.merge(fact.get(), 1, Integer::sum);
            Optional<String> value = value(run, fact.get());
            if (value.isPresent() && times <= 3) {
                run.turns++;
                String text = voice.say(run.scenario, new CustomerVoice.Turn("give:" + fact.get(), value.get()),
                        run.conversation.messages());
                return Optional.of(run.conversation.say(text));
            }
            run.why.add(value.isEmpty() ? "asked for " + fact.get() + ", which the customer does not have"
                    : "asked for " + fact.get() + " again and again");
            if (value.isEmpty() && run.patience > 1) {
                run.patience--;
                run.turns++;
                String line = prompts.line(fact.get().equals("code") ? "no_code" : "dont_have", run.scenario.language());
                return Optional.of(run.conversation.say(line));
            }
            return unhelped(run);
        }
        if (wantsPerson(run) && prompts.offersPerson(last.text())) {
            return Optional.of(acceptPerson(run));
        }
        run.why.add("reply did not help: \"" + abbreviate(last.text()) + "\"");
        return unhelped(run);
    }

    /** Whoever needs a person takes the assistant's offer of one. */
    private static boolean wantsPerson(Run run) {
        return run.scenario.expect() == Scenario.Expect.ESCALATED;
    }

    private List<Message> acceptPerson(Run run) {
        run.turns++;
        return run.conversation.say(voice.say(run.scenario,
                new CustomerVoice.Turn("accept-person", prompts.line("accept", run.scenario.language())),
                run.conversation.messages()));
    }

    /** An unhelpful reply: follow up while patience lasts, then ask for a person (or, out of scope, leave). */
    private Optional<List<Message>> unhelped(Run run) {
        run.patience--;
        if (run.patience >= 0 && !run.followUps.isEmpty()) {
            run.turns++;
            String text = voice.say(run.scenario, new CustomerVoice.Turn("follow-up", run.followUps.poll()),
                    run.conversation.messages());
            return Optional.of(run.conversation.say(text));
        }
        if (run.scenario.expect() == Scenario.Expect.DECLINED) {
            return Optional.empty();
        }
        run.customerInsisted = true;
        run.turns++;
        return Optional.of(run.conversation.askForPerson());
    }

    /** A refund held for a person's approval: the simulated agent approves it, and the customer waits. */
    private Optional<List<Message>> approval(Run run) {
        if (agent.isEmpty() || !agent.get().approve(run.conversation.id())) {
            run.why.add("held for approval, and no simulated agent approved it");
            return Optional.empty();
        }
        int before = run.conversation.messages().size();
        Instant until = Instant.now().plus(agentTimeout);
        while (Instant.now().isBefore(until)) {
            List<Message> now = run.conversation.awaitAgent(Duration.ofMillis(500));
            List<Message> all = run.conversation.messages();
            if (all.size() > before && all.subList(before, all.size()).stream().anyMatch(Message::fromAssistant)) {
                return Optional.of(List.copyOf(all.subList(before, all.size())));
            }
            if (!now.isEmpty() && handedOver(run.conversation.status())) {
                return Optional.of(now);
            }
        }
        run.why.add("approved, but the assistant did not come back within " + agentTimeout.toSeconds() + " s");
        return Optional.empty();
    }

    private Optional<String> value(Run run, String fact) {
        if (fact.equals("code")) {
            String email = run.scenario.facts().getOrDefault("email", run.scenario.persona().email());
            if (email == null || mailbox.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> code = mailbox.get().codes(email).stream().filter(c -> !run.triedCodes.contains(c)).findFirst();
            code.ifPresent(run.triedCodes::add);
            return code;
        }
        if (fact.equals("email") && !run.scenario.facts().containsKey("email")) {
            return Optional.ofNullable(run.scenario.persona().email());
        }
        return Optional.ofNullable(run.scenario.facts().get(fact));
    }

    /** Facts shorter than this (an amount, "yes") are found in any packet by chance: only ids and addresses are checked. */
    private static final int CHECKED_FACT_LENGTH = 5;

    /**
     * Whether the customer would have to repeat themselves: what they wrote before the handoff that the scenario
     * names as a fact (an order number, an email) must be in the handoff packet the person reads.
     */
    private void checkHandoffHolds(Run run) {
        if (agent.isEmpty()) {
            return;
        }
        String written = SimulatedAgent.comparable(run.conversation.messages().stream()
            .filter(message -> message.author().equals("CUSTOMER"))
            .map(Message::text)
            .reduce("", (a, b) -> a + " " + b));
        List<String> given = run.scenario.facts().values().stream()
            .filter(value -> SimulatedAgent.comparable(value).length() >= CHECKED_FACT_LENGTH)
            .filter(value -> written.contains(SimulatedAgent.comparable(value)))
            .distinct()
            .toList();
        List<String> missing = agent.get().missingFromHandoff(run.conversation.id(), given);
        if (!missing.isEmpty()) {
            run.hadToRepeat = true;
            run.why.add("the handoff packet lacks what the customer gave: " + String.join(", ", missing));
        }
    }

    /** The person's first words are the relief of a handed-over customer; a simulated agent writes them. */
    private void awaitPerson(Run run) {
        if (agent.isEmpty()) {
            return;
        }
        String reply = run.scenario.agentReply() != null ? run.scenario.agentReply()
                : DEFAULT_AGENT_REPLY.formatted(run.scenario.persona().name());
        Optional<String> refused = agent.get().take(run.conversation.id(), reply);
        if (refused.isPresent()) {
            run.why.add(refused.get());
            return;
        }
        run.conversation.awaitAgent(agentTimeout).stream()
            .filter(m -> m.author().equals("AGENT"))
            .findFirst()
            .ifPresent(m -> run.reliefAt = m.createdAt());
    }

    private ConversationResult result(Run run, String error) {
        Scenario scenario = run.scenario;
        Outcome outcome = error != null ? Outcome.ERROR : outcome(run);
        List<String> why = new ArrayList<>(run.why);
        if (error != null) {
            why.add(error);
        }
        int rating = Rating.of(outcome, run.wrongAnswer, run.turns, scenario.persona().mood());
        boolean rated = error == null && run.conversation.id() != null && rate(run.conversation, rating);
        boolean verified = outcome == Outcome.RESOLVED_BY_AI && !Rating.negative(rating);
        if (outcome == Outcome.RESOLVED_BY_AI && !verified) {
            why.add("rated " + rating + " of 5");
        }
        if (outcome.success() && !run.wrongAnswer && !run.hadToRepeat) {
            why.clear();
        } else if (why.isEmpty()) {
            why.add(describe(outcome));
        }
        Double relief = null;
        List<Message> messages = run.conversation.messages();
        if (run.reliefAt != null && !messages.isEmpty()) {
            relief = Duration.between(messages.get(0).createdAt(), run.reliefAt).toMillis() / 1000.0;
        }
        return new ConversationResult(scenario.id(), scenario.kind().label(), scenario.language(),
                scenario.expect().name().toLowerCase(java.util.Locale.ROOT), run.conversation.id(), outcome, verified,
                run.wrongAnswer, relief, rating, rated, run.turns, run.escalated && agent.isPresent(), run.hadToRepeat,
                List.copyOf(why));
    }

    /** Rated in the widget where the server takes it (a resolved conversation); else in the report only. */
    private static boolean rate(WidgetConversation conversation, int rating) {
        try {
            return conversation.rate(rating);
        } catch (Http.Failure e) {
            return false;
        }
    }

    private static Outcome outcome(Run run) {
        return switch (run.scenario.expect()) {
            case RESOLVED -> run.escalated ? (run.customerInsisted ? Outcome.ESCALATED_AFTER_FAILURE
                    : Outcome.ESCALATED_UNNECESSARILY)
                    : run.goalMet && run.confirmed ? Outcome.RESOLVED_BY_AI : Outcome.UNRESOLVED;
            case ESCALATED -> run.escalated && !run.customerInsisted ? Outcome.ESCALATED_CORRECTLY
                    : Outcome.MISSED_ESCALATION;
            case DECLINED -> run.escalated ? Outcome.ESCALATED_UNNECESSARILY
                    : run.wrongAnswer ? Outcome.UNRESOLVED : Outcome.DECLINED_CORRECTLY;
        };
    }

    private static String describe(Outcome outcome) {
        return switch (outcome) {
            case ESCALATED_UNNECESSARILY -> "handed over to a person although the AI was expected to handle it";
            case MISSED_ESCALATION -> "a person was needed; the AI did not hand over";
            case UNRESOLVED -> "goal not met";
            case ESCALATED_AFTER_FAILURE -> "the customer had to ask for a person";
            default -> outcome.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean handedOver(String status) {
        return "QUEUED".equals(status) || "ASSIGNED".equals(status) || "RESOLVED".equals(status);
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }
}
