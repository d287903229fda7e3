package dev.tandem.guardrails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tandem.ai.Embeddings;

/**
 * Benchmark, not a test: all input guardrails on one customer message ({@link InputGuardrails#screen}: injection
 * rules and model, abuse lexicon and model, personal-data detection), as the assistant's turn and the screening
 * after a message is stored run them. Measured over customer-like texts (the injection and ConvAbuse sets, the
 * synthetic personal-data set), one thread, after a warm-up:
 * <ul>
 * <li><b>shared embedding</b>: the message's vector is already in the embeddings' memory, as on the message path,
 * where the escalation policy embeds the same text through {@link Embeddings#embed} (the screening costs what it
 * adds to the turn);
 * <li><b>cold</b>: every text is new to the memory (a unique suffix), so the screening embeds it;
 * <li>baselines: the personal-data detection alone, the log masking of a typical log line;
 * <li><b>output</b>: the shipped output constitution on one reply, and input + output together per message (goal
 * p95 &le; 10 ms).
 * </ul>
 * Wall time per call, and for the shared case the measuring thread's CPU time too, which a busy machine
 * disturbs much less (the embedding of the cold case may run on ONNX Runtime's own threads, so it has none).
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.guardrails.GuardrailsBenchmark
 * </pre>
 */
final class GuardrailsBenchmark {

    /** CPU time of the measuring thread: on a machine shared with other work, wall time mostly measures the queue. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private GuardrailsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> texts = new ArrayList<>();
        ShipGuardModels.read(Path.of("../shared/eval/injection/train.csv"), Set.of()).forEach(r -> texts.add(r.text()));
        ShipGuardModels.read(Path.of("../shared/eval/offensive/dev.csv"), Set.of()).forEach(r -> texts.add(r.text()));
        for (String line : Files.readAllLines(Path.of("src/test/resources/eval/pii/validation.jsonl"), StandardCharsets.UTF_8)) {
            texts.add(line.substring(line.indexOf(":") + 3, line.indexOf("\", \"spans\"")));
        }
        Embeddings embeddings = Embeddings.bundledModel();
        InputGuardrails guardrails = new InputGuardrails(new GuardrailsProperties(null, null, null, null), embeddings);
        System.out.printf("%d texts, %d cores%n", texts.size(), Runtime.getRuntime().availableProcessors());

        // warm-up: load the models, JIT
        texts.stream().limit(300).forEach(guardrails::screen);

        long[] shared = new long[texts.size()];
        long[] sharedCpu = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            embeddings.embed(texts.get(i)); // the escalation policy's embedding of the same message, untimed
            long cpu = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            guardrails.screen(texts.get(i));
            shared[i] = System.nanoTime() - start;
            sharedCpu[i] = CPU.getCurrentThreadCpuTime() - cpu;
        }
        report("all guardrails, shared embedding", shared);
        report("  the same, CPU time of the thread", sharedCpu);

        long[] cold = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) + " #" + i;
            long start = System.nanoTime();
            guardrails.screen(text);
            cold[i] = System.nanoTime() - start;
        }
        report("all guardrails, cold (embeds the text)", cold);

        long[] pii = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long start = System.nanoTime();
            guardrails.personalData().find(texts.get(i));
            pii[i] = System.nanoTime() - start;
        }
        report("personal data alone", pii);

        // the output check of the AI's reply: the shipped constitution (patterns, an amount rule, one semantic rule,
        // whose embedding of the reply is the one new model call), on reply-like texts (the same texts, each new to
        // the embeddings' memory as a reply would be); and input + output per message, the issue's figure
        Constitution constitution = Constitution.bundled();
        OutputClassifiers classifiers = new OutputClassifiers(embeddings);
        long[] outputCheck = new long[texts.size()];
        long[] both = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String reply = "Here is how: " + texts.get(i) + " (" + i + ")";
            long start = System.nanoTime();
            OutputGuardrails.verdict(constitution, reply, "en", embeddings, classifiers);
            outputCheck[i] = System.nanoTime() - start;
            embeddings.embed(texts.get(i)); // the input's shared embedding, untimed as above
            start = System.nanoTime();
            guardrails.screen(texts.get(i));
            OutputGuardrails.verdict(constitution, reply, "en", embeddings, classifiers);
            both[i] = System.nanoTime() - start;
        }
        report("output constitution, one reply", outputCheck);
        report("input + output guardrails per message", both);

        String logLine = "Guardrails: abusive language [strong-term] p=0.97 → [FLAG, SHIELD_AGENT] in conversation "
                + "0193c5e2-7f1a-7b3c-9d4e-5f6a7b8c9d0e (message 0193c5e2-7f1b-7c3c-8d4e-5f6a7b8c9d0f)";
        long[] log = new long[5000];
        for (int i = 0; i < log.length; i++) {
            long start = System.nanoTime();
            PersonalData.masked(logLine);
            log[i] = System.nanoTime() - start;
        }
        report("log masking of one INFO line", log);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-42s n=%5d  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what,
                sorted.length, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
