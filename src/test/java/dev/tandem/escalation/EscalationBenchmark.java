package dev.tandem.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import dev.tandem.ai.Embeddings;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * Benchmark, not a test: the escalation policy's decision after a customer message, as on the
 * request path (word rules, tone, repetition, and the learned opinion: sentence embeddings and a
 * logistic regression), over every conversation of the escalation sets. Measured three ways:
 * <ul>
 * <li>turn by turn, as a live conversation: every customer message is new and judged with the
 * conversation so far; the assistant's replies are embedded as they are sent (untimed, as
 * {@link PrepareAssistantReplies} does off the request path);
 * <li>cold: the whole conversation is new to the policy at its last message (after a restart), every
 * text is embedded;
 * <li>baselines in the same run: the word rules and tone alone, understanding alone (tone and entities
 * of the last message), and one embedding of a customer message.
 * </ul>
 * One thread, a warm-up round first; each round gives every text a new ending, so nothing is found in
 * the embedding cache that a live conversation would not find there.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.escalation.EscalationBenchmark
 * </pre>
 */
final class EscalationBenchmark {

    private static final int ROUNDS = 3;

    /** One timed decision: a conversation up to a customer message, and what happens before it is judged. */
    private record Step(List<Turn> turns, String language, String replyBefore) {
    }

    public static void main(String[] args) {
        List<LabelledConversation> conversations = new ArrayList<>();
        for (String set : List.of("dev", "dev2", "dev3", "dev4", "dev5")) {
            conversations.addAll(LabelledConversation.read(new ClassPathResource("escalation/examples/" + set + ".jsonl")));
        }
        for (String set : List.of("validation", "validation2")) {
            conversations.addAll(LabelledConversation.read(
                    new FileSystemResource("src/test/resources/eval/escalation/" + set + ".jsonl")));
        }
        long started = System.nanoTime();
        Embeddings embeddings = Embeddings.bundledModel();
        EscalationPolicy full = EscalationPolicy.standalone(embeddings);
        System.out.printf(Locale.ROOT, "examples learned in %.1f s%n", (System.nanoTime() - started) / 1e9);
        EscalationPolicy rules = new EscalationPolicy(
                EscalationRules.load(new ClassPathResource("escalation/rules.yml")), true, new SentimentAnalysis(),
                new EntityExtraction());
        SentimentAnalysis sentiment = new SentimentAnalysis();
        EntityExtraction entities = new EntityExtraction();

        time("policy, turn by turn (replies embedded as sent)", round -> turnByTurn(conversations, round), step -> {
            if (step.replyBefore() != null) {
                full.assistantSaid(step.replyBefore());
            }
        }, step -> full.assess(step.turns(), step.language()));
        time("policy, cold: the whole conversation new at its last message", round -> cold(conversations, round),
                step -> { }, step -> full.assess(step.turns(), step.language()));
        time("baseline: word rules and tone only", round -> turnByTurn(conversations, round), step -> { },
                step -> rules.assess(step.turns(), step.language()));
        time("baseline: understanding of the message (tone + entities)", round -> turnByTurn(conversations, round),
                step -> { }, step -> {
                    String last = step.turns().get(step.turns().size() - 1).text();
                    sentiment.analyse(last);
                    entities.extract(last);
                });
        time("baseline: one embedding of the customer's message", round -> turnByTurn(conversations, round),
                step -> { }, step -> embeddings.embedPassages(List.of(step.turns().get(step.turns().size() - 1).text())));
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap used after GC: %d MiB%n",
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    private static void time(String name, IntFunction<List<Step>> rounds, Consumer<Step> untimed, Consumer<Step> decide) {
        for (Step step : rounds.apply(0)) {
            untimed.accept(step);
            decide.accept(step);
        }
        List<Long> nanos = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (Step step : rounds.apply(round)) {
                untimed.accept(step);
                long t = System.nanoTime();
                decide.accept(step);
                nanos.add(System.nanoTime() - t);
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        System.out.printf(Locale.ROOT, "%-62s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  (n=%d)%n", name,
                sorted[n / 2] / 1e6, sorted[(int) (n * 0.95)] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6, n);
    }

    /** Every customer message of every conversation, judged with what came before it; the customers' words new this round. */
    private static List<Step> turnByTurn(List<LabelledConversation> conversations, int round) {
        List<Step> steps = new ArrayList<>();
        for (LabelledConversation c : conversations) {
            List<Turn> so = new ArrayList<>();
            for (Turn turn : c.turns()) {
                if (turn.fromCustomer()) {
                    so.add(Turn.customer(turn.text() + " (" + round + ")"));
                    Turn before = so.size() > 1 ? so.get(so.size() - 2) : null;
                    steps.add(new Step(List.copyOf(so), c.language(),
                            before == null || before.fromCustomer() ? null : before.text()));
                } else {
                    so.add(turn);
                }
            }
        }
        return steps;
    }

    /** Each conversation at its last message, every text in it (the assistant's too) new this round. */
    private static List<Step> cold(List<LabelledConversation> conversations, int round) {
        return conversations.stream().map(c -> new Step(c.turns().stream()
            .map(turn -> new Turn(turn.speaker(), turn.text() + " (" + round + ")", turn.outcome())).toList(),
                c.language(), null)).toList();
    }
}
