package dev.tandem.escalation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import dev.tandem.ai.Embeddings;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * Benchmark, not a test: the escalation policy's decision after a customer message, as on the
 * request path (word rules, tone, repetition, and the learned opinion: up to three sentence embeddings
 * and a logistic regression), over every conversation of the
 * escalation sets; in the same run the word rules alone and understanding alone (tone and entities
 * of the last message) as baselines. One thread, a
 * warm-up round first.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.escalation.EscalationBenchmark
 * </pre>
 */
final class EscalationBenchmark {

    private static final int ROUNDS = 3;

    public static void main(String[] args) {
        List<LabelledConversation> conversations = new ArrayList<>();
        conversations.addAll(LabelledConversation.read(new ClassPathResource("escalation/examples/dev.jsonl")));
        conversations.addAll(LabelledConversation.read(new ClassPathResource("escalation/examples/dev2.jsonl")));
        conversations.addAll(LabelledConversation.read(new ClassPathResource("escalation/examples/dev3.jsonl")));
        conversations.addAll(LabelledConversation.read(new ClassPathResource("escalation/examples/dev4.jsonl")));
        conversations.addAll(LabelledConversation.read(
                new FileSystemResource("src/test/resources/eval/escalation/validation.jsonl")));
        conversations.addAll(LabelledConversation.read(
                new FileSystemResource("src/test/resources/eval/escalation/validation2.jsonl")));
        long started = System.nanoTime();
        EscalationPolicy full = EscalationPolicy.standalone(Embeddings.bundledModel());
        System.out.printf(Locale.ROOT, "examples learned in %.1f s%n", (System.nanoTime() - started) / 1e9);
        EscalationPolicy rules = new EscalationPolicy(
                EscalationRules.load(new ClassPathResource("escalation/rules.yml")), true, new SentimentAnalysis(),
                new EntityExtraction());
        SentimentAnalysis sentiment = new SentimentAnalysis();
        EntityExtraction entities = new EntityExtraction();

        time("policy (rules + learned opinion), each in its language", conversations, c -> full.assess(c.turns(), c.language()));
        time("policy with every conversation taken as English (all by meaning)", conversations, c -> full.assess(c.turns(), "en"));
        time("baseline: word rules and tone only", conversations, c -> rules.assess(c.turns(), c.language()));
        time("baseline: understanding of the last message (tone + entities)", conversations, c -> {
            String last = c.turns().get(c.turns().size() - 1).text();
            sentiment.analyse(last);
            entities.extract(last);
        });
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap used after GC: %d MiB%n",
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    /**
     * Every round (the warm-up too) sees each customer's last message with a different ending, so none of
     * it is found in the embedding cache: as on the request path, where every customer message is new.
     */
    private static void time(String name, List<LabelledConversation> conversations,
            Consumer<LabelledConversation> decide) {
        withNewLastMessages(conversations, 0).forEach(decide);
        long[] nanos = new long[conversations.size() * ROUNDS];
        int n = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (LabelledConversation c : withNewLastMessages(conversations, round + 1)) {
                long t = System.nanoTime();
                decide.accept(c);
                nanos[n++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-62s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  (n=%d)%n", name,
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6, n);
    }

    private static List<LabelledConversation> withNewLastMessages(List<LabelledConversation> conversations, int round) {
        return conversations.stream().map(c -> {
            List<Turn> turns = new ArrayList<>(c.turns());
            Turn last = turns.remove(turns.size() - 1);
            turns.add(Turn.customer(last.text() + " (" + round + ")"));
            return new LabelledConversation(turns, c.escalate(), c.reason(), c.language());
        }).toList();
    }
}
