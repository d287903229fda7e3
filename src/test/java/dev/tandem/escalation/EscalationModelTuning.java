package dev.tandem.escalation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.tandem.ai.Embeddings;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * Tuning aid, not a test: the learned opinion's settings, chosen on a development set the model has not
 * learned. Learns the shipped example files except the one judged, then prints recall and false-positive
 * rate of the rules alone, the model alone and both together for a grid of settings. Never run it on
 * {@code validation*.jsonl}: those report, they do not choose.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) -Dc=16,32,64 \
 *     dev.tandem.escalation.EscalationModelTuning src/main/resources/escalation/examples/dev4.jsonl
 * </pre>
 */
final class EscalationModelTuning {

    private record Judged(LabelledConversation conversation, List<Finding> rules, EscalationModel.Judgement judgement) {
    }

    public static void main(String[] args) throws IOException {
        Path judgedFile = Path.of(args[0]);
        if (judgedFile.getFileName().toString().startsWith("validation")) {
            throw new IllegalArgumentException("validation sets report, they do not choose settings");
        }
        List<LabelledConversation> learn = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:escalation/examples/*.jsonl")) {
            if (!judgedFile.getFileName().toString().equals(file.getFilename())) {
                learn.addAll(LabelledConversation.read(file));
            }
        }
        List<LabelledConversation> judged = LabelledConversation.read(new FileSystemResource(judgedFile));
        EscalationPolicy rulesOnly = new EscalationPolicy(EscalationRules.load(new ClassPathResource("escalation/rules.yml")),
                true, new SentimentAnalysis(), new EntityExtraction());
        Embeddings embeddings = Embeddings.bundledModel();
        System.out.printf(Locale.ROOT, "learned %d conversations, judging %d%n", learn.size(), judged.size());
        for (String c : System.getProperty("c", "32").split(",")) {
            EscalationModel model = new EscalationModel(embeddings, Double.parseDouble(c), 1, 1);
            model.learn(learn);
            List<Judged> results = judged.stream()
                .map(j -> new Judged(j, rulesOnly.assess(j.turns(), j.language()).findings(), model.judge(j.turns()).orElseThrow()))
                .toList();
            System.out.println("## regularisation " + c);
            System.out.println(line("rules alone", results, r -> !r.rules().isEmpty()));
            for (double veto : new double[] { 0, 0.1, 0.15, 0.2, 0.3 }) {
                for (double at : new double[] { 0.6, 0.65, 0.7, 0.75, 0.8, 0.85 }) {
                    var settings = new EscalationRules.LearnedOpinion("-", at, veto, Double.parseDouble(c), 1, 1);
                    System.out.println(line(String.format(Locale.ROOT, "veto<%.2f at>=%.2f", veto, at), results, r -> {
                        List<Finding> findings = new ArrayList<>(r.rules());
                        EscalationPolicy.weigh(r.judgement(), findings, settings, rulesOnly.neverVetoed(), false);
                        return !findings.isEmpty();
                    }));
                }
            }
        }
    }

    private static String line(String name, List<Judged> results, java.util.function.Predicate<Judged> escalates) {
        int tp = 0, fp = 0, positives = 0, negatives = 0;
        for (Judged r : results) {
            boolean says = escalates.test(r);
            if (r.conversation().escalate()) {
                positives++;
                tp += says ? 1 : 0;
            } else {
                negatives++;
                fp += says ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "%-22s recall %.3f  false-positive rate %.3f", name, (double) tp / positives,
                (double) fp / negatives);
    }
}
