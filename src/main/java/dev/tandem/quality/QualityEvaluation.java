package dev.tandem.quality;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.tandem.ai.LanguageDetection;
import dev.tandem.understanding.SentimentAnalysis;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval quality --test FILE.jsonl [--json] [--errors]}: scores every labelled conversation with the embedded
 * judge and the shipped rubric and compares with the people's labels. Agreement is the share of non-null labels
 * scored the same (a verdict of "not applicable" on a labelled item is a disagreement), overall, per item and per
 * language (the line's {@code "language"}, else detected from the customer's messages). Plain Java: no Spring, no
 * database; {@code accurate} and {@code policy_compliant} need the knowledge base and the constitution and are
 * not applicable here.
 */
public final class QualityEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Figures of the whole set or of one language. */
    record Figures(int n, int labels, double agreement, Map<String, Double> agreementByItem, Map<String, String> countsByItem) {
    }

    record Metrics(int n, int labels, double agreement, Map<String, Double> agreementByItem, Map<String, String> countsByItem,
            Map<String, Figures> byLanguage, Map<String, Figures> byBusiness) {
    }

    private QualityEvaluation() {
    }

    public static int run(List<String> options, PrintStream out, PrintStream err) {
        Path file = null;
        boolean json = false;
        boolean errors = false;
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
                    default -> throw new IllegalArgumentException("unknown option '" + options.get(i) + "'");
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("--test FILE.jsonl is required");
            }
            List<LabelledConversation> conversations = LabelledConversation.read(file);
            Rubric rubric = Rubric.bundled();
            EmbeddedJudge judge = new EmbeddedJudge(Cues.bundled(), new SentimentAnalysis());
            LanguageDetection languages = conversations.stream().allMatch(c -> c.language() != null) ? null
                    : LanguageDetection.standalone();
            List<List<Verdict>> verdicts = new ArrayList<>();
            List<String> languageOf = new ArrayList<>();
            for (LabelledConversation conversation : conversations) {
                String language = conversation.language() != null ? conversation.language()
                        : languages.detect(conversation.transcript().by(Transcript.Author.CUSTOMER).stream()
                            .map(Transcript.Line::text).collect(Collectors.joining("\n"))).orElse("unknown");
                languageOf.add(language);
                List<Verdict> scored = judge.judge(conversation.transcript(), rubric, ClaimChecks.NONE, language);
                verdicts.add(scored);
                if (errors) {
                    printErrors(conversation, scored, language, err);
                }
            }
            Metrics metrics = measure(conversations, verdicts, languageOf);
            out.println(json ? JSON.writeValueAsString(metrics) : table(metrics));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("eval quality: " + e.getMessage());
            err.println("usage: eval quality --test FILE.jsonl [--json] [--errors]");
            return 2;
        }
    }

    static Metrics measure(List<LabelledConversation> conversations, List<List<Verdict>> verdicts, List<String> languages) {
        Figures all = figures(conversations, verdicts, i -> true);
        Map<String, Figures> byLanguage = new TreeMap<>();
        for (String language : new java.util.TreeSet<>(languages)) {
            byLanguage.put(language, figures(conversations, verdicts, i -> languages.get(i).equals(language)));
        }
        Map<String, Figures> byBusiness = new TreeMap<>();
        conversations.stream().map(LabelledConversation::business).filter(java.util.Objects::nonNull).distinct()
            .forEach(business -> byBusiness.put(business,
                    figures(conversations, verdicts, i -> business.equals(conversations.get(i).business()))));
        return new Metrics(all.n(), all.labels(), all.agreement(), all.agreementByItem(), all.countsByItem(), byLanguage,
                byBusiness);
    }

    private static Figures figures(List<LabelledConversation> conversations, List<List<Verdict>> verdicts,
            java.util.function.IntPredicate included) {
        Map<String, int[]> byItem = new LinkedHashMap<>();
        int n = 0;
        for (int i = 0; i < conversations.size(); i++) {
            if (!included.test(i)) {
                continue;
            }
            n++;
            Map<String, Verdict> scored = verdicts.get(i).stream().collect(Collectors.toMap(Verdict::item, v -> v));
            for (var label : conversations.get(i).labels().entrySet()) {
                if (label.getValue() == null) {
                    continue;
                }
                Verdict verdict = scored.get(label.getKey());
                int[] counts = byItem.computeIfAbsent(label.getKey(), k -> new int[2]);
                counts[0] += verdict != null && label.getValue().equals(verdict.value()) ? 1 : 0;
                counts[1]++;
            }
        }
        int agreed = 0;
        int labels = 0;
        Map<String, Double> agreement = new LinkedHashMap<>();
        Map<String, String> counts = new LinkedHashMap<>();
        for (var entry : byItem.entrySet()) {
            agreed += entry.getValue()[0];
            labels += entry.getValue()[1];
            agreement.put(entry.getKey(), share(entry.getValue()[0], entry.getValue()[1]));
            counts.put(entry.getKey(), entry.getValue()[0] + "/" + entry.getValue()[1]);
        }
        return new Figures(n, labels, share(agreed, labels), agreement, counts);
    }

    private static void printErrors(LabelledConversation conversation, List<Verdict> scored, String language, PrintStream err) {
        Map<String, Verdict> byItem = scored.stream().collect(Collectors.toMap(Verdict::item, v -> v));
        for (var label : conversation.labels().entrySet()) {
            Verdict verdict = byItem.get(label.getKey());
            Boolean value = verdict == null ? null : verdict.value();
            if (label.getValue() != null && !label.getValue().equals(value) || label.getValue() == null && value != null) {
                err.println((label.getValue() == null ? "(null) " : "WRONG  ") + label.getKey() + " gold=" + label.getValue()
                        + " got=" + value + " [" + language + "] " + (verdict == null ? "" : verdict.basis() + " «" + verdict.quote() + "»"));
                err.println("       " + conversation.transcript().lines().stream()
                    .map(l -> l.author().name().toLowerCase(Locale.ROOT) + ": " + l.text()).collect(Collectors.joining(" | ")));
            }
        }
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static String table(Metrics m) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "conversations  %d%nlabels         %d%nagreement      %.4f%n",
                m.n(), m.labels(), m.agreement()));
        m.agreementByItem().forEach((item, a) -> text.append(String.format(Locale.ROOT, "  %-22s %.4f  (%s)%n", item, a,
                m.countsByItem().get(item))));
        m.byLanguage().forEach((language, f) -> text.append(String.format(Locale.ROOT, "language %-6s n %4d  agreement %.4f  %s%n",
                language, f.n(), f.agreement(), f.agreementByItem())));
        m.byBusiness().forEach((business, f) -> text.append(String.format(Locale.ROOT, "business %-12s n %4d  agreement %.4f%n",
                business, f.n(), f.agreement())));
        return text.toString().stripTrailing();
    }
}
