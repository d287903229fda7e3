package dev.tandem.assist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import dev.tandem.TandemApplication;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.StartConversation;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test: from a customer message stored in a conversation waiting for a person to the
 * assist panel's suggestions pushed to the agents' live views ({@link AssistUpdated}, which the live
 * module turns into the workspace stream's {@code assist} event), embedded mode (goal: p95 ≤ 300 ms).
 * Starts the whole application (H2 in a fresh directory, Northwind demo knowledge), waits until the
 * knowledge is indexed, then for every question of the Northwind sets starts a QUEUED conversation and
 * times the stored message's way to its panel. One message at a time; a warm-up round first; every round
 * gives each question a new ending, so no embedding of an earlier round is remembered.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.assist.AssistBenchmark
 * </pre>
 */
final class AssistBenchmark {

    private static final int WARM_UP_ROUNDS = 1;
    private static final int MEASURED_ROUNDS = 2;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("tandem-assist-bench");
        ConfigurableApplicationContext app = new SpringApplication(TandemApplication.class).run(
                "--tandem.data-dir=" + data, "--server.port=0", "--tandem.demo=true",
                "--tandem.bootstrap-admin-password=bench-admin-password", "--logging.level.root=warn");
        try {
            KnowledgeSearch knowledge = app.getBean(KnowledgeSearch.class);
            while (!(knowledge.answersCustomersIn("en") && knowledge.answersCustomersIn("es"))) {
                Thread.sleep(200);
            }
            Thread.sleep(15_000); // the rest of the demo articles, and the language models' background load
            Map<UUID, CompletableFuture<Long>> pushed = new ConcurrentHashMap<>();
            app.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
                if (event.getPayload() instanceof AssistUpdated updated) {
                    long at = System.nanoTime();
                    pushed.computeIfAbsent(updated.conversationId(), id -> new CompletableFuture<>()).complete(at);
                }
            });
            StartConversation start = app.getBean(StartConversation.class);
            List<Long> latencies = new ArrayList<>();
            List<String> questions = questions();
            for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                for (String asked : questions) {
                    String question = asked + " (" + round + ")";
                    var started = start.start(new StartConversation.Command(null, question, null, "bench", null,
                            ConversationStatus.QUEUED));
                    long stored = System.nanoTime();
                    long at = pushed.computeIfAbsent(started.conversation().id(), id -> new CompletableFuture<>())
                        .get(30, TimeUnit.SECONDS);
                    if (round >= WARM_UP_ROUNDS) {
                        latencies.add(at - stored);
                    }
                }
            }
            System.out.printf("questions %d x %d rounds (after %d warm-up round)%n", questions.size(), MEASURED_ROUNDS,
                    WARM_UP_ROUNDS);
            System.out.println("message stored -> suggestions pushed  " + percentiles(latencies));
        } finally {
            app.close();
        }
    }

    private static List<String> questions() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> questions = new ArrayList<>();
        for (String set : List.of("dev", "validation")) {
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
