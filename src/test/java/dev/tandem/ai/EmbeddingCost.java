package dev.tandem.ai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.sun.management.OperatingSystemMXBean;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * The embedding model's own cost per customer message: the ceiling of the assistant's capacity, since every
 * turn embeds the customer's message once. Embeds the questions of a JSONL file one at a time, each with a
 * unique marker as the load generator sends them (so nothing is remembered), on whatever cores the JVM is given
 * ({@code taskset}), and prints the mean cost and the ceiling in messages per second.
 *
 * <pre>
 * taskset -c 0 java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.ai.EmbeddingCost \
 *     src/test/resources/eval/northwind/validation.jsonl [seconds] [bundled|artifact-default]
 * </pre>
 *
 * <p>{@code artifact-default} embeds through LangChain4j's own class for the model, with ONNX Runtime's default
 * session (a spinning intra-op pool of one native thread per core), the baseline of {@link BundledBgeModel}.
 * Besides the wall time per message it prints the process's CPU time per message, which the spinning threads
 * inflate.
 */
public final class EmbeddingCost {

    private static final Pattern QUESTION = Pattern.compile("\"question\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            Matcher m = QUESTION.matcher(line);
            if (m.find()) {
                questions.add(m.group(1).replace("\\\"", "\""));
            }
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean artifactDefault = args.length > 2 && args[2].equals("artifact-default");
        EmbeddingModel model = artifactDefault ? new BgeSmallEnV15QuantizedEmbeddingModel() : null;
        Function<String, float[]> embed = artifactDefault ? text -> model.embed(text).content().vector()
                : Embeddings.bundledModel()::embed;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long warmUntil = System.nanoTime() + 10_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmUntil) {
            embed.apply(questions.get(i % questions.size()) + " (ref warm #" + i++ + "#)");
        }
        long[] costs = new long[1 << 16];
        int n = 0;
        long cpuBefore = os.getProcessCpuTime();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until && n < costs.length) {
            String text = questions.get(n % questions.size()) + " (ref bench #c" + n + "#)";
            long t0 = System.nanoTime();
            embed.apply(text);
            costs[n++] = System.nanoTime() - t0;
        }
        double cpuPerMessage = (os.getProcessCpuTime() - cpuBefore) / 1e6 / n;
        long[] sorted = Arrays.copyOf(costs, n);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "embedding per message  mean %.2f ms  p50 %.2f ms  p95 %.2f ms  (%d messages, %d cores)%n",
                mean, sorted[n / 2] / 1e6, sorted[(int) (n * 0.95)] / 1e6, n, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "process CPU per message %.2f ms (%s)%n", cpuPerMessage,
                artifactDefault ? "LangChain4j's class, default ONNX Runtime session" : "BundledBgeModel");
        System.out.printf(Locale.ROOT, "CEILING msPerMessage=%.3f messagesPerSecond=%.1f%n", mean, 1000 / mean);
        System.exit(0);
    }
}
