package dev.tandem.assist;

import java.util.List;
import java.util.UUID;

import dev.tandem.knowledge.Passage;
import dev.tandem.procedures.ProcedureOffer;

/**
 * What the assist panel shows for a customer message, computed once per message and kept for the agents
 * who view the conversation (the customer's history and mood are read per view, {@link AssistPanelPage}).
 *
 * @param messageId the customer message it is for; null when the conversation has none yet
 * @param procedure the procedure the message asks for, null when none does
 * @param reminders policy reminders that apply
 */
record AssistPanel(UUID conversationId, UUID messageId, String messageText, String language, List<Passage> passages,
        List<Suggestion> suggestions, ProcedureOffer procedure, List<String> reminders) {

    static AssistPanel empty(UUID conversationId) {
        return new AssistPanel(conversationId, null, null, null, List.of(), List.of(), null, List.of());
    }

    boolean isEmpty() {
        return passages.isEmpty() && suggestions.isEmpty() && procedure == null && reminders.isEmpty();
    }
}
