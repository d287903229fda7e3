package dev.tandem.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.tandem.understanding.SentimentAnalysis;

/**
 * The embedded judge's cost per conversation (issue 16's goal: p95 at most 50 ms), run by hand, not in the suite.
 * Judges every conversation of a labelled JSONL file with the shipped rubric, after a warm-up round, and prints
 * the p50, p95 and mean per conversation and the backlog one core clears per minute. The {@code accurate} and
 * {@code policy_compliant} checks against the knowledge base and the constitution are not included (they need the
 * running system; their cost is at most three searches and one constitution pass per conversation).
 *
 * <pre>
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * taskset -c 0 java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.quality.QualityScoringCost \
 *     src/test/resources/eval/quality/dev.jsonl [rounds]
 * </pre>
 */
public final class QualityScoringCost {

    private QualityScoringCost() {
    }

    public static void main(String[] args) {
        List<LabelledConversation> conversations = LabelledConversation.read(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        EmbeddedJudge judge = new EmbeddedJudge(Cues.bundled(), new SentimentAnalysis());
        Rubric rubric = Rubric.bundled();
        for (LabelledConversation c : conversations) {
            judge.judge(c.transcript(), rubric, ClaimChecks.NONE, "en");
        }
        List<Long> nanos = new ArrayList<>();
        long lines = 0;
        for (int round = 0; round < rounds; round++) {
            for (LabelledConversation c : conversations) {
                long start = System.nanoTime();
                judge.judge(c.transcript(), rubric, ClaimChecks.NONE, "en");
                nanos.add(System.nanoTime() - start);
                lines += c.transcript().lines().size();
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
        System.out.printf(Locale.ROOT, "conversations %d x %d rounds, %.1f messages each%n", conversations.size(), rounds,
                (double) lines / nanos.size());
        System.out.printf(Locale.ROOT, "per conversation: p50 %.2f ms, p95 %.2f ms, mean %.2f ms; %.0f conversations/minute per core%n",
                p50, p95, mean, 60_000 / mean);
    }
}
