package dev.tandem.answering;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.tandem.ai.Embeddings;
import dev.tandem.ai.LanguageDetection;
import dev.tandem.knowledge.Glossary;
import dev.tandem.knowledge.KnowledgeFolder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval answers}: asks every question of a JSONL file against a folder of Markdown articles,
 * the way a customer's message is answered in embedded mode, and counts: answerable questions
 * answered citing a relevant article, unanswerable ones ({@code "relevant": []}) answered with an
 * honest "I don't know" and the offer of a person, and wrong answers (an answer citing an article
 * that is not relevant, or any answer to an unanswerable question). Articles offered as choices are
 * neither an answer nor an abstention: counted apart, as {@code suggestedCorrectly} (of the answerable
 * questions, those offered choices that include a relevant article) and {@code suggested} (of all).
 * Plain Java: no Spring, no database.
 */
public final class AnswerEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One line of a questions file; {@code language} is null when the line names none. */
    public record Question(String text, Set<String> relevant, String language) {

        public boolean answerable() {
            return !relevant.isEmpty();
        }
    }

    /**
     * Shares: {@code answeredCorrectly} and {@code suggestedCorrectly} of the answerable questions,
     * {@code abstainedCorrectly} of the unanswerable ones, {@code wrongAnswers}, {@code suggested} and
     * {@code clarified} of all; and the same per language of the questions ({@code byLanguage}, when they
     * are in more than one).
     */
    record Metrics(int n, int answerable, int unanswerable, double answeredCorrectly, double abstainedCorrectly,
            double wrongAnswers, double suggestedCorrectly, double suggested, double clarified,
            Map<String, Integer> counts, Map<String, Metrics> byLanguage) {
    }

    /** One question's outcome, for tuning and for reading what went wrong. */
    record Outcome(Question question, String language, Answer answer) {

        boolean correct() {
            return answer.kind().answered() && question.relevant().contains(answer.sources().get(0).articleId());
        }

        boolean wrong() {
            return answer.kind().answered() && !correct();
        }

        boolean suggestedCorrectly() {
            return answer.kind() == Answer.Kind.SUGGESTED
                    && answer.sources().stream().anyMatch(source -> question.relevant().contains(source.articleId()));
        }

        boolean abstained() {
            return answer.kind() == Answer.Kind.DONT_KNOW || answer.kind() == Answer.Kind.NOT_IN_LANGUAGE;
        }
    }

    private AnswerEvaluation() {
    }

    public static int run(List<String> options, PrintStream out, PrintStream err) {
        Path kb = null;
        Path questionsFile = null;
        boolean json = false;
        AnswerDecision decision = AnswerDecision.CHOSEN;
        try {
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                switch (option) {
                    case "--kb" -> kb = Path.of(value(options, ++i, option));
                    case "--questions" -> questionsFile = Path.of(value(options, ++i, option));
                    case "--json" -> json = true;
                    case "--answer-at" -> decision = decision.at(probability(option, value(options, ++i, option)),
                            decision.suggestAt());
                    case "--suggest-at" -> decision = decision.at(decision.answerAt(),
                            probability(option, value(options, ++i, option)));
                    default -> throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            if (kb == null || questionsFile == null) {
                throw new IllegalArgumentException("--kb DIR and --questions FILE.jsonl are required");
            }
            KnowledgeFolder folder = KnowledgeFolder.load(kb, Embeddings.bundledModel());
            List<Question> questions = readQuestions(questionsFile, folder.articleIds());
            var answers = new GroundedAnswers(folder.search(), decision, Glossary.bundled());
            Metrics metrics = measure(outcomes(answers, LanguageDetection.standalone(), questions));
            out.println(json ? JSON.writeValueAsString(metrics) : table(metrics));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("eval answers: " + e.getMessage());
            err.println("usage: eval answers --kb DIR --questions FILE.jsonl [--json] [--answer-at 0..1]"
                    + " [--suggest-at 0..1]");
            return 2;
        }
    }

    static List<Outcome> outcomes(GroundedAnswers answers, LanguageDetection languages, List<Question> questions) {
        List<Outcome> outcomes = new ArrayList<>(questions.size());
        for (Question question : questions) {
            String language = question.language() != null ? question.language()
                    : languages.detect(question.text()).orElse(Phrases.DEFAULT_LANGUAGE);
            outcomes.add(new Outcome(question, language, answers.answer(question.text(), language)));
        }
        return outcomes;
    }

    static Metrics measure(List<Outcome> outcomes) {
        Map<String, List<Outcome>> perLanguage = new TreeMap<>();
        outcomes.forEach(outcome -> perLanguage.computeIfAbsent(outcome.language(), l -> new ArrayList<>()).add(outcome));
        Map<String, Metrics> byLanguage = new LinkedHashMap<>();
        if (perLanguage.size() > 1) {
            perLanguage.forEach((language, theirs) -> byLanguage.put(language, measureAll(theirs, Map.of())));
        }
        return measureAll(outcomes, byLanguage);
    }

    private static Metrics measureAll(List<Outcome> outcomes, Map<String, Metrics> byLanguage) {
        int answerable = 0;
        int correct = 0;
        int abstainedRightly = 0;
        int wrong = 0;
        int clarified = 0;
        int suggestedRightly = 0;
        int suggested = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.question().answerable()) {
                answerable++;
                correct += outcome.correct() ? 1 : 0;
                suggestedRightly += outcome.suggestedCorrectly() ? 1 : 0;
            } else if (outcome.abstained()) {
                abstainedRightly++;
            }
            wrong += outcome.wrong() ? 1 : 0;
            clarified += outcome.answer().kind() == Answer.Kind.CLARIFIED ? 1 : 0;
            suggested += outcome.answer().kind() == Answer.Kind.SUGGESTED ? 1 : 0;
        }
        int n = outcomes.size();
        int unanswerable = n - answerable;
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("answeredCorrectly", correct);
        counts.put("abstainedCorrectly", abstainedRightly);
        counts.put("wrongAnswers", wrong);
        counts.put("suggestedCorrectly", suggestedRightly);
        counts.put("suggested", suggested);
        counts.put("clarified", clarified);
        return new Metrics(n, answerable, unanswerable, share(correct, answerable), share(abstainedRightly, unanswerable),
                share(wrong, n), share(suggestedRightly, answerable), share(suggested, n), share(clarified, n), counts, byLanguage);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static String table(Metrics m) {
        StringBuilder table = new StringBuilder(tableOf(m));
        m.byLanguage().forEach((language, theirs) -> table.append("\n\n").append(language).append('\n')
            .append(tableOf(theirs)));
        return table.toString();
    }

    private static String tableOf(Metrics m) {
        return String.format("""
                questions            %d (%d answerable, %d unanswerable)
                answered correctly   %.4f of answerable (%d)
                abstained correctly  %.4f of unanswerable (%d)
                wrong answers        %.4f of all (%d)
                suggested correctly  %.4f of answerable (%d; choices offered to %d questions in all)""",
                m.n(), m.answerable(), m.unanswerable(),
                m.answeredCorrectly(), m.counts().get("answeredCorrectly"), m.abstainedCorrectly(),
                m.counts().get("abstainedCorrectly"), m.wrongAnswers(), m.counts().get("wrongAnswers"),
                m.suggestedCorrectly(), m.counts().get("suggestedCorrectly"), m.counts().get("suggested"));
    }

    /**
     * JSONL, one {@code {"question", "relevant": [ids], "language"?}} a line; {@code []} = must not be answered.
     * Also read by {@code eval assist}, which skips the unanswerable ones.
     *
     * @throws IllegalArgumentException naming the file and line of what is wrong (the CLI prints it)
     */
    public static List<Question> readQuestions(Path file, Set<String> articleIds) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("questions file not found: " + file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file.getFileName() + " line " + (i + 1) + ": ";
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(i));
            } catch (JacksonException e) {
                throw new IllegalArgumentException(where + "not valid JSON (" + e.getOriginalMessage() + ")");
            }
            JsonNode question = node == null ? null : node.get("question");
            if (question == null || !question.isString() || question.asString().isBlank()) {
                throw new IllegalArgumentException(where + "\"question\" must be a non-empty string");
            }
            JsonNode relevant = node.get("relevant");
            if (relevant == null || !relevant.isArray()) {
                throw new IllegalArgumentException(where + "\"relevant\" must be an array of article ids ([] = unanswerable)");
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : relevant) {
                if (!id.isString() || !articleIds.contains(id.asString())) {
                    throw new IllegalArgumentException(where + "no article " + id + " in the knowledge folder");
                }
                ids.add(id.asString());
            }
            JsonNode language = node.get("language");
            questions.add(new Question(question.asString(), Set.copyOf(ids),
                    language != null && language.isString() ? language.asString() : null));
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no questions");
        }
        return questions;
    }

    private static double probability(String option, String value) {
        try {
            double p = Double.parseDouble(value);
            if (p >= 0 && p <= 1) {
                return p;
            }
        } catch (NumberFormatException notANumber) {
            // same message as out of range
        }
        throw new IllegalArgumentException(option + " must be a probability between 0 and 1");
    }

    private static String value(List<String> options, int i, String option) {
        if (i >= options.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(i);
    }
}
