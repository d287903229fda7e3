package dev.tandem.answering;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.tandem.guardrails.OutputAction;
import dev.tandem.guardrails.OutputGuardrails;
import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.KnowledgeSearch;
import dev.tandem.knowledge.Passage;

/**
 * Replies a language model writes for an agent to send (LLM mode's suggestions in the assist panel), behind the
 * same guardrails as the assistant's own answers: written only from passages of public articles (an agent may
 * read internal ones, but a suggested reply goes to the customer), the customer's details removed and personal
 * data masked before the question leaves (as for every model call), every sentence grounded in the passages it
 * cites, and within the output constitution. Anything else gives no suggestion; the agent still has the
 * embedded ones.
 */
@Service
public class SuggestedReplies {

    private final LlmAnswers llm;
    private final GroundingCheck grounding;
    private final OutputGuardrails output;
    private final KnowledgeSearch knowledge;

    SuggestedReplies(LlmAnswers llm, GroundingCheck grounding, OutputGuardrails output, KnowledgeSearch knowledge) {
        this.llm = llm;
        this.grounding = grounding;
        this.output = output;
        this.knowledge = knowledge;
    }

    /** Whether a model is configured, so that {@link #write} may suggest anything. */
    public boolean enabled() {
        return llm.enabled();
    }

    /**
     * A reply to the customer's message in {@code conversationId}, written by the model in {@code language}, with the
     * titles of the articles it relies on; empty without a model, without passages, or when the model's reply is not
     * grounded or breaks a rule. Takes up to the chat model's timeout: call it off the request thread.
     */
    public Optional<Suggested> write(UUID conversationId, String customerMessage, String language) {
        if (!enabled()) {
            return Optional.empty();
        }
        String question = CustomerDetails.removedFrom(customerMessage);
        List<Passage> passages = knowledge.search(question, language, Audience.CUSTOMER, GroundedAnswers.MODEL_PASSAGES);
        return llm.draft(question, language, passages)
            .filter(draft -> grounding.check(draft.claims(), language, passages).grounded())
            .filter(draft -> output.check(conversationId, draft.text(), language).action() == OutputAction.ALLOW)
            .map(draft -> new Suggested(draft.text(),
                    draft.citedPassages().stream().map(passages::get).map(Passage::articleId).distinct().toList()));
    }

    /**
     * @param text the reply
     * @param articleIds the articles it cites, best first
     */
    public record Suggested(String text, List<String> articleIds) {

        public Suggested {
            articleIds = List.copyOf(articleIds);
        }
    }
}
