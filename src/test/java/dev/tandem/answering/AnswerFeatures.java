package dev.tandem.answering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.ai.Embeddings;
import dev.tandem.ai.LanguageDetection;
import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.KnowledgeFolder;
import dev.tandem.knowledge.Passage;

/**
 * Tuning aid, not a test: writes, for every question of a data set, the features
 * {@link AnswerConfidence} sees (best article and runner-up) and whether the best article is right,
 * as TSV, to fit the model on tuning questions. Run with the test class path:
 * {@code java ... dev.tandem.answering.AnswerFeatures KB QUESTIONS.jsonl OUT.tsv}.
 */
final class AnswerFeatures {

    public static void main(String[] args) throws IOException {
        KnowledgeFolder folder = KnowledgeFolder.load(Path.of(args[0]), Embeddings.bundledModel());
        List<AnswerEvaluation.Question> questions = AnswerEvaluation.readQuestions(Path.of(args[1]), folder.articleIds());
        LanguageDetection languages = LanguageDetection.standalone();
        List<String> rows = new ArrayList<>();
        rows.add("question\tlanguage\tanswerable\tinLanguage\tcorrect1\tsimilarity\tcoverage\tgap\tweightedCoverage"
                + "\trarestMissing\tcorrect2\tsimilarity2");
        for (AnswerEvaluation.Question question : questions) {
            String language = question.language() != null ? question.language()
                    : languages.detect(question.text()).orElse("en");
            List<Passage> passages = folder.search().search(question.text(), language, Audience.CUSTOMER,
                    GroundedAnswers.PASSAGES);
            var candidates = GroundedAnswers.candidates(passages, question.text(), language, folder.search());
            StringBuilder row = new StringBuilder(question.text().replace('\t', ' ')).append('\t').append(language)
                .append('\t').append(question.answerable()).append('\t')
                .append(folder.search().answersCustomersIn(language));
            if (candidates.isEmpty()) {
                row.append("\tfalse\t0\t0\t0\t0\t0\tfalse\t0");
            } else {
                var best = candidates.get(0);
                var runnerUp = candidates.size() > 1 ? candidates.get(1) : null;
                row.append('\t').append(question.relevant().contains(best.passage().articleId()));
                for (double feature : AnswerConfidence.features(best, runnerUp)) {
                    row.append('\t').append(String.format("%.4f", feature));
                }
                row.append('\t').append(runnerUp != null && question.relevant().contains(runnerUp.passage().articleId()))
                    .append('\t').append(String.format("%.4f", runnerUp == null ? 0 : runnerUp.similarity()));
            }
            rows.add(row.toString());
        }
        Files.write(Path.of(args[2]), rows);
    }
}
