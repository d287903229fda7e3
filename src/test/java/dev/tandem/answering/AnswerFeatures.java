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
 * Tuning aid, not a test: writes, for every question of a data set, what the decision to answer sees
 * of the three best articles (similarity, coverage, weighted coverage, rarest missing term, fused
 * score) and which of them are right, as TSV, to fit the decision on tuning questions. Run with the
 * test class path: {@code java ... dev.tandem.answering.AnswerFeatures KB QUESTIONS.jsonl OUT.tsv}.
 */
final class AnswerFeatures {

    public static void main(String[] args) throws IOException {
        KnowledgeFolder folder = KnowledgeFolder.load(Path.of(args[0]), Embeddings.bundledModel());
        List<AnswerEvaluation.Question> questions = AnswerEvaluation.readQuestions(Path.of(args[1]), folder.articleIds());
        LanguageDetection languages = LanguageDetection.standalone();
        List<String> rows = new ArrayList<>();
        StringBuilder header = new StringBuilder("question\tlanguage\tanswerable\tinLanguage");
        for (int i = 1; i <= 3; i++) {
            header.append("\tcorrect").append(i).append("\tsimilarity").append(i).append("\tcoverage").append(i)
                .append("\tweighted").append(i).append("\trarest").append(i).append("\tscore").append(i);
        }
        rows.add(header.toString());
        for (AnswerEvaluation.Question question : questions) {
            String language = question.language() != null ? question.language()
                    : languages.detect(question.text()).orElse("en");
            String asked = CustomerDetails.removedFrom(question.text());
            List<Passage> passages = folder.search().search(asked, language, Audience.CUSTOMER,
                    GroundedAnswers.PASSAGES);
            var candidates = GroundedAnswers.candidates(passages, asked, language, folder.search());
            StringBuilder row = new StringBuilder(question.text().replace('\t', ' ')).append('\t').append(language)
                .append('\t').append(question.answerable()).append('\t')
                .append(folder.search().answersCustomersIn(language));
            for (int i = 0; i < 3; i++) {
                if (i >= candidates.size()) {
                    row.append("\tfalse\t0\t0\t0\t0\t0");
                    continue;
                }
                var c = candidates.get(i);
                row.append('\t').append(question.relevant().contains(c.passage().articleId()))
                    .append(String.format("\t%.4f\t%.4f\t%.4f\t%.4f\t%.5f", c.similarity(), c.coverage(),
                            c.weightedCoverage(), c.rarestMissing(), c.passage().score()));
            }
            rows.add(row.toString());
        }
        Files.write(Path.of(args[2]), rows);
    }
}
