package dev.tandem.answering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.tandem.ai.Embeddings;
import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.Glossary;
import dev.tandem.knowledge.KnowledgeFolder;
import dev.tandem.knowledge.Passage;

/**
 * Tuning aid, not a test: for every question of a data set in a language other than English, what the glossary
 * makes of it in English, the English search's best three articles (a star marks the relevant ones) and the
 * assistant's answer. {@code java ... dev.tandem.answering.CrossingReport KB QUESTIONS.jsonl}.
 */
final class CrossingReport {

    public static void main(String[] args) throws IOException {
        KnowledgeFolder folder = KnowledgeFolder.load(Path.of(args[0]), Embeddings.bundledModel());
        List<AnswerEvaluation.Question> questions = AnswerEvaluation.readQuestions(Path.of(args[1]), folder.articleIds());
        GroundedAnswers answers = new GroundedAnswers(folder.search(), AnswerDecision.CHOSEN, Glossary.bundled());
        for (AnswerEvaluation.Question question : questions) {
            if (question.language() == null || question.language().equals("en")) {
                continue;
            }
            String english = Glossary.bundled().intoEnglish(CustomerDetails.removedFrom(question.text()),
                    question.language()).orElse("");
            List<Passage> passages = folder.search().search(english, "en", Audience.CUSTOMER, GroundedAnswers.PASSAGES);
            StringBuilder top = new StringBuilder();
            passages.stream().map(Passage::articleId).distinct().limit(3).forEach(id -> top.append(' ')
                .append(question.relevant().contains(id) ? "*" : "").append(id));
            Answer answer = answers.answer(question.text(), question.language());
            String outcome = answer.kind() + (answer.kind().answered() ? " " + answer.sources().get(0).articleId() + (question.relevant()
                .contains(answer.sources().get(0).articleId()) ? " RIGHT" : " WRONG") : "");
            System.out.printf("%s | %s%n    -> %s%n    top:%s | %s %.2f%n", question.language(), question.text(),
                    english, top, outcome, answer.confidence());
        }
        System.exit(0);
    }
}
