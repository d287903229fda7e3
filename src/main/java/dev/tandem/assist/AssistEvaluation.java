package dev.tandem.assist;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.tandem.ai.Embeddings;
import dev.tandem.ai.LanguageDetection;
import dev.tandem.answering.AnswerEvaluation;
import dev.tandem.answering.AnswerEvaluation.Question;
import dev.tandem.knowledge.KnowledgeFolder;
import dev.tandem.knowledge.Passage;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval assist}: for every answerable question of a JSONL file, the passages the assist panel
 * would show an agent ({@link KnowledgeHelp}, the panel's own class) and whether a relevant article is
 * among the top three ({@code recallAt3}). Questions with {@code "relevant": []} are skipped; a question's
 * {@code "language"} is used when given, otherwise detected. Plain Java: no Spring, no database.
 */
public final class AssistEvaluation {

    static final int SHOWN = 3;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One language's share; {@code misses} lists the questions whose relevant article was not shown. */
    record Result(int n, int found, List<String> misses) {

        double recall() {
            return n == 0 ? Double.NaN : Math.round(10_000.0 * found / n) / 10_000.0;
        }
    }

    private AssistEvaluation() {
    }

    public static int run(List<String> options, PrintStream out, PrintStream err) {
        Path kb = null;
        Path questionsFile = null;
        boolean json = false;
        boolean misses = false;
        try {
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                switch (option) {
                    case "--kb" -> kb = Path.of(value(options, ++i, option));
                    case "--questions" -> questionsFile = Path.of(value(options, ++i, option));
                    case "--json" -> json = true;
                    case "--misses" -> misses = true;
                    default -> throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            if (kb == null || questionsFile == null) {
                throw new IllegalArgumentException("--kb DIR and --questions FILE.jsonl are required");
            }
            Embeddings embeddings = Embeddings.bundledModel();
            KnowledgeFolder folder = KnowledgeFolder.load(kb, embeddings);
            List<Question> questions = readQuestions(questionsFile, folder.articleIds());
            Map<String, Result> byLanguage = measure(new KnowledgeHelp(folder.search(), embeddings), LanguageDetection.standalone(),
                    questions);
            Result all = total(byLanguage);
            if (misses) {
                byLanguage.values().forEach(result -> result.misses().forEach(err::println));
            }
            out.println(json ? toJson(all, byLanguage) : table(all, byLanguage));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("eval assist: " + e.getMessage());
            err.println("usage: eval assist --kb DIR --questions FILE.jsonl [--json] [--misses]");
            return 2;
        }
    }

    /** Per language (as given or detected), in language order. */
    static Map<String, Result> measure(KnowledgeHelp help, LanguageDetection languages, List<Question> questions) {
        Map<String, List<Question>> grouped = new TreeMap<>();
        for (Question question : questions) {
            String language = question.language() != null ? question.language()
                    : languages.detect(question.text()).orElse("en");
            grouped.computeIfAbsent(language, l -> new ArrayList<>()).add(question);
        }
        Map<String, Result> results = new LinkedHashMap<>();
        grouped.forEach((language, asked) -> {
            int found = 0;
            List<String> missed = new ArrayList<>();
            for (Question question : asked) {
                List<Passage> shown = help.passages(question.text(), language, SHOWN);
                if (shown.stream().anyMatch(passage -> question.relevant().contains(passage.articleId()))) {
                    found++;
                } else {
                    missed.add(language + "\t" + question.text() + "\t" + question.relevant() + "\t"
                            + shown.stream().map(Passage::articleId).toList());
                }
            }
            results.put(language, new Result(asked.size(), found, missed));
        });
        return results;
    }

    private static Result total(Map<String, Result> byLanguage) {
        int n = 0;
        int found = 0;
        for (Result result : byLanguage.values()) {
            n += result.n();
            found += result.found();
        }
        return new Result(n, found, List.of());
    }

    private static String toJson(Result all, Map<String, Result> byLanguage) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("task", "assist");
        fields.put("recallAt3", all.recall());
        fields.put("n", all.n());
        Map<String, Object> languages = new LinkedHashMap<>();
        byLanguage.forEach((language, result) -> languages.put(language,
                Map.of("recallAt3", result.recall(), "n", result.n())));
        fields.put("byLanguage", languages);
        return JSON.writeValueAsString(fields);
    }

    private static String table(Result all, Map<String, Result> byLanguage) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "assist panel, %d answerable questions%n  recall@3   %.4f", all.n(), all.recall()));
        byLanguage.forEach((language, result) -> table.append(String.format(Locale.ROOT,
                "%n  %-10s %.4f (%d)", language, result.recall(), result.n())));
        return table.toString();
    }

    /** The questions file as {@code eval answers} reads it, without the questions that must not be answered. */
    static List<Question> readQuestions(Path file, Set<String> articleIds) {
        List<Question> answerable = AnswerEvaluation.readQuestions(file, articleIds).stream()
            .filter(Question::answerable)
            .toList();
        if (answerable.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no answerable questions");
        }
        return answerable;
    }

    private static String value(List<String> options, int i, String option) {
        if (i >= options.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(i);
    }
}
