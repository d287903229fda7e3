package dev.tandem.answering;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tandem.TandemApplication;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.StartConversation;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test: the AI assistant's turn on the request path, server-side, embedded mode.
 * Starts the whole application (H2 in a fresh directory, Northwind demo knowledge), waits until the
 * knowledge is indexed, then for every question of the Northwind evaluation sets starts a
 * conversation and times {@link AnswerCustomer#reply} (language detection, retrieval, decision,
 * quote, storing the reply and its record). The baseline in the same run is storing the customer's
 * message ({@link StartConversation#start}). One thread; warm-up rounds first, after the escalation
 * policy's learned opinion is ready. Every round asks each question with a new ending, so no embedding
 * of an earlier round is remembered.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.answering.AssistantBenchmark
 * </pre>
 */
final class AssistantBenchmark {

    private static final int WARM_UP_ROUNDS = 1;
    private static final int MEASURED_ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("tandem-assistant-bench");
        ConfigurableApplicationContext app = new SpringApplication(TandemApplication.class).run(
                "--tandem.data-dir=" + data, "--server.port=0", "--tandem.demo=true",
                "--tandem.bootstrap-admin-password=bench-admin-password", "--logging.level.root=warn");
        try {
            KnowledgeSearch knowledge = app.getBean(KnowledgeSearch.class);
            while (!(knowledge.answersCustomersIn("en") && knowledge.answersCustomersIn("es")
                    && knowledge.answersCustomersIn("de") && knowledge.answersCustomersIn("fr"))) {
                Thread.sleep(200);
            }
            Thread.sleep(15_000); // the rest of the demo articles, and the language models' background load
            // the escalation policy's learned opinion is learned (or loaded) in the background after start-up
            while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("escalation-examples"))) {
                Thread.sleep(1_000);
            }
            List<String> questions = questions();
            StartConversation start = app.getBean(StartConversation.class);
            AnswerCustomer assistant = app.getBean(AnswerCustomer.class);
            List<Long> replies = new ArrayList<>();
            List<Long> stores = new ArrayList<>();
            for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                for (String asked : questions) {
                    // a new text every round: the embeddings of recent messages are remembered
                    String question = asked + " (" + round + ")";
                    long t0 = System.nanoTime();
                    var started = start.start(new StartConversation.Command(null, question, null, "bench", null,
                            ConversationStatus.AI));
                    long t1 = System.nanoTime();
                    assistant.reply(started.conversation().id(), started.messages().get(0));
                    long t2 = System.nanoTime();
                    if (round >= WARM_UP_ROUNDS) {
                        stores.add(t1 - t0);
                        replies.add(t2 - t1);
                    }
                }
            }
            System.out.printf("questions %d x %d rounds (after %d warm-up round)%n", questions.size(), MEASURED_ROUNDS,
                    WARM_UP_ROUNDS);
            System.out.println("assistant reply  " + percentiles(replies));
            System.out.println("baseline: store  " + percentiles(stores));
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf("heap used after GC: %d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        } finally {
            app.close();
        }
    }

    private static List<String> questions() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> questions = new ArrayList<>();
        for (String set : List.of("dev", "validation", "multilingual")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/eval/northwind/" + set + ".jsonl"))) {
                if (!line.isBlank()) {
                    questions.add((String) json.readValue(line, Map.class).get("question"));
                }
            }
        }
        return questions;
    }

    private static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  mean %.1f ms  (n=%d)", at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6, sorted.length);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
