package dev.tandem.simulation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@code simulate}. Without {@code --url} the command starts a Tandem of its own.
 *
 * @param agent {@code USER:PASSWORD} of the simulated agent (a supervisor also approves held refunds)
 * @param mailbox {@code USER:PASSWORD} of an admin: the customers read their verification codes in the outbox
 */
public record SimulationOptions(String url, String inbox, Path scenarios, boolean json, Path out, Path compare,
        int concurrency, String agent, String mailbox, String llmUrl, String llmModel, Duration replyTimeout,
        Duration agentTimeout, int limit) {

    public static final String USAGE = """
            usage: simulate [--url URL] [--inbox KEY] [--scenarios FILE.yml|FILE.jsonl] [--json] [--out FILE.json]
                            [--compare EARLIER.json] [--concurrency N] [--agent USER:PASSWORD] [--mailbox USER:PASSWORD]
                            [--llm-url URL --llm-model NAME] [--reply-timeout SECONDS] [--limit N]
              without --url a Tandem with the demo workspace starts in this process, on a fresh temporary database""";

    public static final int DEFAULT_CONCURRENCY = 4;

    public static SimulationOptions parse(List<String> args) {
        String url = null;
        String inbox = null;
        Path scenarios = null;
        boolean json = false;
        Path out = null;
        Path compare = null;
        int concurrency = DEFAULT_CONCURRENCY;
        String agent = null;
        String mailbox = null;
        String llmUrl = null;
        String llmModel = null;
        Duration replyTimeout = Duration.ofSeconds(45);
        int limit = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--url" -> {
                    url = value(args, ++i, arg);
                    if (!url.matches("https?://[^\\s/]+.*")) {
                        throw new IllegalArgumentException("--url must be an http(s) address such as http://localhost:8080");
                    }
                }
                case "--inbox" -> inbox = value(args, ++i, arg);
                case "--scenarios" -> scenarios = Path.of(value(args, ++i, arg));
                case "--json" -> json = true;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--compare" -> {
                    compare = Path.of(value(args, ++i, arg));
                    if (!Files.isReadable(compare)) {
                        throw new IllegalArgumentException("--compare: report not found: " + compare);
                    }
                }
                case "--concurrency" -> concurrency = number(args, ++i, arg, 1, 64);
                case "--agent" -> agent = credentials(args, ++i, arg);
                case "--mailbox" -> mailbox = credentials(args, ++i, arg);
                case "--llm-url" -> llmUrl = value(args, ++i, arg);
                case "--llm-model" -> llmModel = value(args, ++i, arg);
                case "--reply-timeout" -> replyTimeout = Duration.ofSeconds(number(args, ++i, arg, 1, 600));
                case "--limit" -> limit = number(args, ++i, arg, 1, 1_000_000);
                default -> throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
        }
        if ((llmUrl == null) != (llmModel == null)) {
            throw new IllegalArgumentException("--llm-url and --llm-model go together");
        }
        if (llmUrl == null && !environment("TANDEM_AI_CHAT_BASEURL").isBlank()
                && !environment("TANDEM_AI_CHAT_MODEL").isBlank()) {
            // the application's own model settings (tandem.ai.chat) play the customer too
            llmUrl = environment("TANDEM_AI_CHAT_BASEURL");
            llmModel = environment("TANDEM_AI_CHAT_MODEL");
        }
        return new SimulationOptions(url, inbox, scenarios, json, out, compare, concurrency, agent, mailbox, llmUrl,
                llmModel, replyTimeout, Duration.ofSeconds(60), limit);
    }

    /** The same run against another server, with the given people (the embedded server's). */
    public SimulationOptions against(String url, String agent, String mailbox) {
        return new SimulationOptions(url, inbox, scenarios, json, out, compare, concurrency,
                this.agent != null ? this.agent : agent, this.mailbox != null ? this.mailbox : mailbox, llmUrl, llmModel,
                replyTimeout, agentTimeout, limit);
    }

    private static String environment(String name) {
        return System.getenv().getOrDefault(name, "");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int number(List<String> args, int i, String option, int min, int max) {
        String text = value(args, i, option);
        try {
            int n = Integer.parseInt(text.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number from " + min + " to " + max + ", not '"
                    + text + "'");
        }
    }

    private static String credentials(List<String> args, int i, String option) {
        String text = value(args, i, option);
        if (text.indexOf(':') < 1 || text.endsWith(":")) {
            throw new IllegalArgumentException(option + " needs USER:PASSWORD");
        }
        return text;
    }

    String scenarioName() {
        return scenarios == null ? "demo (" + ScenarioFile.DEMO + ")" : scenarios.toString();
    }

    @Override
    public String toString() {
        // credentials stay out of logs and reports
        return "SimulationOptions[url=" + url + ", scenarios=" + scenarioName() + ", concurrency=" + concurrency
                + ", agent=" + (agent == null ? "none" : agent.substring(0, agent.indexOf(':')).toLowerCase(Locale.ROOT))
                + "]";
    }
}
