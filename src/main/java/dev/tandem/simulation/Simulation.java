package dev.tandem.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tandem.ai.ChatModels;

/**
 * Runs a population of simulated customers against a Tandem over HTTP, a bounded number at once, and
 * reports what happened to each.
 */
public final class Simulation {

    private Simulation() {
    }

    /** The scenarios a run would use: the file given, else the demo's. */
    public static List<Scenario> scenarios(SimulationOptions options) {
        List<Scenario> scenarios = options.scenarios() == null ? ScenarioFile.demo() : ScenarioFile.read(options.scenarios());
        return options.limit() > 0 && options.limit() < scenarios.size() ? scenarios.subList(0, options.limit()) : scenarios;
    }

    public static SimulationReport run(SimulationOptions options, List<Scenario> scenarios) {
        Http http = new Http(options.url(), Duration.ofSeconds(60));
        ChatModels model = options.llmUrl() == null ? null
                : ChatModels.openAiCompatible(options.llmUrl(), options.llmModel(),
                        System.getenv().getOrDefault("TANDEM_AI_CHAT_API_KEY", ""), Duration.ofSeconds(60));
        CustomerVoice voice = model == null ? CustomerVoice.SCRIPTED : new LlmVoice(model);
        var customer = new SimulatedCustomer(http, options.inbox(), voice, Prompts.shipped(),
                Optional.ofNullable(options.agent()).map(agent -> new SimulatedAgent(http, agent)),
                Optional.ofNullable(options.mailbox()).map(admin -> new SimulatedAgent.Mailbox(http, admin)),
                options.replyTimeout(), options.agentTimeout());
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency());
        try {
            List<Future<ConversationResult>> running = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                running.add(pool.submit(() -> customer.live(scenario)));
            }
            List<ConversationResult> results = new ArrayList<>();
            for (Future<ConversationResult> result : running) {
                results.add(result.get());
            }
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            String voiceName = model == null ? "scripted" : "LLM " + options.llmModel();
            if (voice instanceof LlmVoice llm && llm.fellBack() > 0) {
                voiceName += " (" + llm.fellBack() + " messages scripted after model failures)";
            }
            return new SimulationReport(options.url(), options.scenarioName(), voiceName, seconds, List.copyOf(results));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulated customer failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            if (model != null) {
                model.close();
            }
        }
    }

    /** Fails fast when nothing answers at the URL or the inbox does not exist. */
    public static Optional<String> unreachable(SimulationOptions options) {
        Http http = new Http(options.url(), Duration.ofSeconds(10));
        try {
            if (options.inbox() != null) {
                Http.Response inbox = http.get("/api/widget/inboxes/" + options.inbox(), null, null);
                if (inbox.status() == 404) {
                    return Optional.of("no widget inbox with key '" + options.inbox() + "' at " + options.url());
                }
                if (!inbox.ok()) {
                    return Optional.of(options.url() + " answered " + inbox.status() + " for the inbox; is it a Tandem?");
                }
            } else {
                Http.Response health = http.get("/actuator/health", null, null);
                if (health.status() == 404) {
                    return Optional.of(options.url() + " has no /actuator/health; is it a Tandem?");
                }
            }
            return Optional.empty();
        } catch (Http.Failure e) {
            return Optional.of("nothing answers at " + options.url() + " (" + e.getMessage() + ")");
        }
    }
}
