package dev.tandem.escalation;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.io.FileSystemResource;

import dev.tandem.ai.Embeddings;
import dev.tandem.ai.LanguageDetection;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval escalation}: runs the escalation policy on every conversation of a JSONL file after its
 * last customer message and compares with the expected decision: recall of the conversations that
 * must go to a person, precision, and the false-positive rate among those that must not. With an
 * optional {@code "reason"} per line, recall per reason too. {@code --errors} lists every mistake on
 * stderr with the findings, for tuning the rules; {@code --examples} replaces the labelled example
 * conversations the policy learns from (a Spring resource pattern such as
 * {@code file:dir/*.jsonl}), to measure it on a set it has not learned. With the shipped examples it
 * uses the model shipped in the jar when that was learned from them (seconds), otherwise, and always with
 * {@code --learn}, it learns the examples first (a minute or two). Plain Java: no Spring, no database.
 */
public final class EscalationEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param byBusiness the figures per {@code "business"} of the lines that name one (empty when none do)
     * @param byLanguage the figures per {@code "language"} of the lines that name one (empty when none do)
     */
    record Metrics(int n, int mustEscalate, double recall, double precision, double falsePositiveRate,
            Map<String, Integer> counts, Map<String, String> recallByReason, Map<String, Group> byBusiness,
            Map<String, Group> byLanguage) {
    }

    /** Recall and false-positive rate of a part of the test set. */
    record Group(int n, double recall, double falsePositiveRate) {
    }

    private EscalationEvaluation() {
    }

    public static int run(List<String> options, PrintStream out, PrintStream err) {
        Path file = null;
        boolean json = false;
        boolean errors = false;
        String examples = null;
        boolean learnAgain = false;
        try {
            for (int i = 0; i < options.size(); i++) {
                switch (options.get(i)) {
                    case "--test" -> {
                        if (++i >= options.size()) {
                            throw new IllegalArgumentException("--test needs a value");
                        }
                        file = Path.of(options.get(i));
                    }
                    case "--json" -> json = true;
                    case "--errors" -> errors = true;
                    case "--learn" -> learnAgain = true;
                    case "--examples" -> {
                        if (++i >= options.size()) {
                            throw new IllegalArgumentException("--examples needs a value");
                        }
                        examples = options.get(i);
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + options.get(i) + "'");
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("--test FILE.jsonl is required");
            }
            List<LabelledConversation> conversations = read(file);
            EscalationPolicy policy = EscalationPolicy.standalone(Embeddings.bundledModel(), examples, learnAgain);
            if (policy.learnedOpinionFrom() != null) {
                err.println("eval escalation: learned opinion: " + policy.learnedOpinionFrom());
            }
            LanguageDetection languages = LanguageDetection.standalone();
            List<Assessment> assessments = new ArrayList<>();
            for (LabelledConversation conversation : conversations) {
                String language = conversation.language() != null ? conversation.language()
                        : languages.detect(conversation.turns().stream().filter(Turn::fromCustomer).map(Turn::text)
                            .collect(Collectors.joining("\n"))).orElse(null);
                Assessment assessment = policy.assess(conversation.turns(), language);
                assessments.add(assessment);
                if (errors && assessment.escalate() != conversation.escalate()) {
                    err.println((conversation.escalate() ? "MISSED " : "FALSE  ") + conversation.reason() + " "
                            + conversation.turns().stream().map(t -> (t.fromCustomer() ? "C: " : "A: ") + t.text())
                                .collect(Collectors.joining(" | "))
                            + "\n       -> " + assessment.findings().stream().map(f -> f.rule() + " " + f.evidence())
                                .collect(Collectors.joining("; ")));
                }
            }
            Metrics metrics = measure(conversations, assessments);
            out.println(json ? JSON.writeValueAsString(metrics) : table(metrics));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("eval escalation: " + e.getMessage());
            err.println("usage: eval escalation --test FILE.jsonl [--json] [--errors] [--examples RESOURCE-PATTERN] [--learn]");
            return 2;
        }
    }

    static Metrics measure(List<LabelledConversation> conversations, List<Assessment> assessments) {
        int truePositives = 0;
        int falsePositives = 0;
        int mustEscalate = 0;
        Map<String, int[]> byReason = new TreeMap<>();
        for (int i = 0; i < conversations.size(); i++) {
            LabelledConversation conversation = conversations.get(i);
            boolean escalated = assessments.get(i).escalate();
            if (conversation.escalate()) {
                mustEscalate++;
                truePositives += escalated ? 1 : 0;
                if (conversation.reason() != null) {
                    int[] counts = byReason.computeIfAbsent(conversation.reason(), r -> new int[2]);
                    counts[0] += escalated ? 1 : 0;
                    counts[1]++;
                }
            } else {
                falsePositives += escalated ? 1 : 0;
            }
        }
        int n = conversations.size();
        int mustNot = n - mustEscalate;
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("truePositives", truePositives);
        counts.put("falseNegatives", mustEscalate - truePositives);
        counts.put("falsePositives", falsePositives);
        counts.put("trueNegatives", mustNot - falsePositives);
        Map<String, String> recallByReason = new LinkedHashMap<>();
        byReason.forEach((reason, c) -> recallByReason.put(reason, c[0] + "/" + c[1]));
        return new Metrics(n, mustEscalate, share(truePositives, mustEscalate),
                share(truePositives, truePositives + falsePositives), share(falsePositives, mustNot), counts,
                recallByReason, groups(conversations, assessments, LabelledConversation::business),
                groups(conversations, assessments, LabelledConversation::language));
    }

    private static Map<String, Group> groups(List<LabelledConversation> conversations, List<Assessment> assessments,
            Function<LabelledConversation, String> key) {
        // per group: true positives, must escalate, false positives, must not
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < conversations.size(); i++) {
            String group = key.apply(conversations.get(i));
            if (group != null) {
                int[] c = counts.computeIfAbsent(group, g -> new int[4]);
                boolean escalated = assessments.get(i).escalate();
                int at = conversations.get(i).escalate() ? 0 : 2;
                c[at] += escalated ? 1 : 0;
                c[at + 1]++;
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        counts.forEach((group, c) -> groups.put(group, new Group(c[1] + c[3], share(c[0], c[1]), share(c[2], c[3]))));
        return groups;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static String table(Metrics m) {
        return String.format("""
                conversations        %d (%d must be escalated)
                recall               %.4f
                precision            %.4f
                false-positive rate  %.4f
                counts               %s
                recall by reason     %s""", m.n(), m.mustEscalate(), m.recall(), m.precision(), m.falsePositiveRate(),
                m.counts(), m.recallByReason()) + groupLines("business", m.byBusiness()) + groupLines("language", m.byLanguage());
    }

    private static String groupLines(String what, Map<String, Group> groups) {
        StringBuilder lines = new StringBuilder();
        groups.forEach((name, g) -> lines.append(String.format(Locale.ROOT, "%n%-9s %-11s n %4d  recall %.4f  false-positive rate %.4f",
                what, name, g.n(), g.recall(), g.falsePositiveRate())));
        return lines.toString();
    }

    static List<LabelledConversation> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("test file not found: " + file);
        }
        return LabelledConversation.read(new FileSystemResource(file));
    }
}
