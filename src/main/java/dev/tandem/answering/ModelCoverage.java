package dev.tandem.answering;

import java.util.List;

import dev.tandem.knowledge.Passage;

/**
 * LLM mode widens what the assistant answers: a question the embedded decision would not answer but
 * that is not clearly out of scope (its {@link Answer#evidence()} holds the best passages of the best
 * articles) goes to the model, which answers from those passages or says {@code NO_ANSWER}. Its answer
 * is used only when every sentence passes the grounding check; otherwise the embedded reply stands
 * ("I don't know" or the choices). Questions clearly out of scope never reach the model.
 */
final class ModelCoverage {

    private final LlmAnswers llm;
    private final GroundingCheck grounding;

    ModelCoverage(LlmAnswers llm, GroundingCheck grounding) {
        this.llm = llm;
        this.grounding = grounding;
    }

    /** {@code answer} itself, or the model's grounded answer from its passages when it had none. */
    Answer widen(Answer answer, String question) {
        if (answer.kind().answered() || answer.evidence().isEmpty() || !llm.enabled()) {
            return answer;
        }
        List<Passage> passages = answer.evidence();
        String asked = CustomerDetails.removedFrom(question);
        return llm.draft(asked, answer.language(), passages)
            .filter(draft -> grounding.check(draft.claims(), answer.language(), passages).grounded())
            .map(draft -> new Answer(Answer.Kind.ANSWERED, answer.language(), draft.text(),
                    draft.citedPassages().stream().map(passages::get).toList(), answer.confidence()))
            .orElse(answer);
    }
}
