package dev.tandem.escalation;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.tandem.ai.Embeddings;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.SentimentAnalysis;

/**
 * Tuning aid, not a test: chooses the learned opinion's settings by leaving one business out at a time.
 * For every business named in the shipped examples ({@code "business"}), learns all the other examples
 * (the unnamed Northwind sets included), judges that business's conversations with the rules and the
 * model as {@link EscalationPolicy#weigh} combines them, and prints recall and false-positive rate per
 * held-out business and pooled over all of them, for a grid of settings. The question it answers is the
 * one a new installation asks: how does the policy do on a business none of its examples came from.
 * Never run it on {@code validation*.jsonl}: those report, they do not choose.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.escalation.EscalationTransferTuning \
 *     -Dc=16,32 -Dweights=1,4 -Dgrams=1,2 [-Dbaseline=true] [-Dat=0.7 -Dveto=0.15] [-Derrors=true]
 * </pre>
 *
 * {@code -Dbaseline=true} learns only the conversations without a business (the examples as they were
 * before businesses were added), the "before" of docs/benchmarks.md. The texts' vectors are embedded
 * once and kept in {@code target/escalation-vectors.bin} for the next run.
 */
final class EscalationTransferTuning {

    private record Judged(LabelledConversation conversation, EscalationPolicy.RuleFindings rules,
            EscalationModel.Judgement judgement) {
    }

    private static final double[] AT = { 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9 };
    private static final double[] VETO = { 0, 0.1, 0.15, 0.2, 0.3 };

    public static void main(String[] args) throws Exception {
        List<LabelledConversation> examples = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:escalation/examples/*.jsonl")) {
            examples.addAll(LabelledConversation.read(file));
        }
        Embeddings embeddings = Embeddings.bundledModel();
        Map<String, float[]> vectors = vectors(embeddings, examples, Path.of("target/escalation-vectors.bin"));
        EscalationPolicy rulesOnly = new EscalationPolicy(EscalationRules.load(new ClassPathResource("escalation/rules.yml")),
                true, new SentimentAnalysis(), new EntityExtraction());
        TreeSet<String> businesses = new TreeSet<>();
        examples.stream().map(LabelledConversation::business).filter(b -> b != null).forEach(businesses::add);
        Map<LabelledConversation, EscalationPolicy.RuleFindings> ruleFindings = new HashMap<>();
        examples.stream().filter(c -> c.business() != null)
            .forEach(c -> ruleFindings.put(c, rulesOnly.ruleFindings(c.turns(), c.language())));
        boolean baseline = Boolean.getBoolean("baseline");
        System.out.printf(Locale.ROOT, "%d examples, %d held out in turn (%s)%s%n", examples.size(), ruleFindings.size(),
                String.join(", ", businesses), baseline ? "; learning only the examples without a business" : "");
        for (String c : System.getProperty("c", "32").split(",")) {
            for (String weight : System.getProperty("weights", "1").split(","))
            for (String grams : System.getProperty("grams", "1").split(",")) {
                Map<String, List<Judged>> judged = new LinkedHashMap<>();
                EscalationModel baselineModel = null;
                for (String business : businesses) {
                    // the reason model is not needed here: judging needs only the likelihood (learning takes half as long)
                    List<LabelledConversation> learn = examples.stream()
                        .filter(e -> baseline ? e.business() == null : !business.equals(e.business()))
                        .map(e -> new LabelledConversation(e.turns(), e.escalate(), null, e.language(), e.business()))
                        .toList();
                    // the baseline learns the same conversations for every business: once
                    EscalationModel model = baseline && baselineModel != null ? baselineModel
                            : new EscalationModel(embeddings, Double.parseDouble(c), Integer.parseInt(weight), Integer.parseInt(grams));
                    if (model != baselineModel) {
                        model.learn(learn, vectors::get);
                        baselineModel = baseline ? model : null;
                    }
                    judged.put(business, examples.stream().filter(e -> business.equals(e.business()))
                        .map(e -> new Judged(e, ruleFindings.get(e), model.judge(e.turns(), vectors::get).orElseThrow()))
                        .toList());
                }
                List<Judged> all = judged.values().stream().flatMap(List::stream).toList();
                System.out.printf(Locale.ROOT, "## C %s, business weight %s, grams in at least %s businesses%n", c, weight, grams);
                System.out.println(line("rules alone", all, r -> !r.rules().findings().isEmpty()));
                for (double veto : VETO) {
                    for (double at : AT) {
                        System.out.println(line(String.format(Locale.ROOT, "veto<%.2f at>=%.2f", veto, at), all,
                                escalates(at, veto, Double.parseDouble(c), rulesOnly)));
                    }
                }
                double at = Double.parseDouble(System.getProperty("at", "0.7"));
                double veto = Double.parseDouble(System.getProperty("veto", "0.15"));
                System.out.printf(Locale.ROOT, "### per held-out business, veto<%.2f at>=%.2f%n", veto, at);
                judged.forEach((business, results) -> System.out.println(line(business, results,
                        escalates(at, veto, Double.parseDouble(c), rulesOnly))));
                Map<String, List<Judged>> byLanguage = new java.util.TreeMap<>();
                all.forEach(r -> byLanguage.computeIfAbsent(String.valueOf(r.conversation().language()), k -> new ArrayList<>()).add(r));
                System.out.printf(Locale.ROOT, "### per language, veto<%.2f at>=%.2f%n", veto, at);
                byLanguage.forEach((language, results) -> System.out.println(line(language, results,
                        escalates(at, veto, Double.parseDouble(c), rulesOnly))));
                if (Boolean.getBoolean("errors")) {
                    all.stream().filter(r -> escalates(at, veto, Double.parseDouble(c), rulesOnly).test(r) != r.conversation().escalate())
                        .forEach(r -> System.out.printf(Locale.ROOT, "%s %.2f %s %s%n", r.conversation().escalate() ? "MISSED" : "FALSE",
                                r.judgement().likelihood(), r.rules().findings().stream().map(Finding::rule).toList(),
                                r.conversation().turns().get(r.conversation().turns().size() - 1).text()));
                }
            }
        }
    }

    private static Predicate<Judged> escalates(double at, double veto, double c, EscalationPolicy rulesOnly) {
        var settings = new EscalationRules.LearnedOpinion("-", at, veto, c, 1, 1);
        return r -> {
            List<Finding> findings = new ArrayList<>(r.rules().findings());
            if (findings.stream().noneMatch(f -> rulesOnly.neverVetoed().contains(f.rule()))) {
                EscalationPolicy.weigh(r.judgement(), findings, settings, rulesOnly.neverVetoed(), r.rules().onlyMentioned());
            }
            return !findings.isEmpty();
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, float[]> vectors(Embeddings embeddings, List<LabelledConversation> examples, Path cache)
            throws IOException, ClassNotFoundException {
        Map<String, float[]> known = new HashMap<>();
        if (Files.exists(cache)) {
            try (var in = new ObjectInputStream(Files.newInputStream(cache))) {
                known.putAll((Map<String, float[]>) in.readObject());
            }
        }
        List<List<Turn>> missing = examples.stream().map(LabelledConversation::turns)
            .filter(turns -> turns.stream().filter(Turn::fromCustomer).anyMatch(turn -> !known.containsKey(turn.text()))
                    || ConversationFeatures.lastAssistantTurn(turns) != null
                            && !known.containsKey(ConversationFeatures.lastAssistantTurn(turns)))
            .toList();
        if (!missing.isEmpty()) {
            known.putAll(ConversationFeatures.vectorsOf(embeddings, missing));
            try (var out = new ObjectOutputStream(Files.newOutputStream(cache))) {
                out.writeObject(new HashMap<>(known));
            }
        }
        return known;
    }

    private static String line(String name, List<Judged> results, Predicate<Judged> escalates) {
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
        return String.format(Locale.ROOT, "%-22s recall %.3f (%d/%d)  false-positive rate %.3f (%d/%d)", name,
                (double) tp / Math.max(1, positives), tp, positives, (double) fp / Math.max(1, negatives), fp, negatives);
    }
}
