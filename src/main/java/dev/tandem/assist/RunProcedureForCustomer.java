package dev.tandem.assist;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.identity.CurrentUser;
import dev.tandem.procedures.ProcedureTurn;
import dev.tandem.procedures.RunProcedures;

/**
 * The agent runs the procedure the panel offers for the customer, in the conversation they have: the
 * procedures module starts it as the assistant would and asks the customer its first question; the
 * customer's answers reach it through {@link AssistTriggers}. Only the person the conversation is
 * assigned to may, so that nobody starts a task in a conversation someone else is handling.
 */
@Service
class RunProcedureForCustomer {

    private final ConversationQueries conversations;
    private final AssistPanels panels;
    private final RunProcedures procedures;

    RunProcedureForCustomer(ConversationQueries conversations, AssistPanels panels, RunProcedures procedures) {
        this.conversations = conversations;
        this.panels = panels;
        this.procedures = procedures;
    }

    /**
     * @throws org.springframework.web.ErrorResponseException 400 without a procedure name, 403 without the agent
     *     role, 404 when the conversation is not visible or the procedure no longer exists, 409 when the
     *     conversation is not assigned to {@code me} or a procedure already runs in it
     */
    ProcedureTurn run(CurrentUser me, UUID conversationId, String procedureName) {
        AssistProblems.requireAgent(me);
        if (procedureName == null || procedureName.isBlank()) {
            throw AssistProblems.invalid("procedure is required: the name of the procedure to run (the panel's offer).");
        }
        ConversationDetails details = conversations.details(me, conversationId);
        var conversation = details.conversation();
        if (conversation.status() != ConversationStatus.ASSIGNED || !me.id().equals(conversation.assigneeId())) {
            throw AssistProblems.problem(HttpStatus.CONFLICT, conversation.status() == ConversationStatus.ASSIGNED
                    ? "The conversation is assigned to someone else: only they can run a procedure in it."
                    : "Take the conversation first: a procedure is run for the customer by the person the conversation is assigned to.");
        }
        // the panel's reading of the latest message (kept, so no second detection)
        String language = panels.current(details).language();
        return procedures.startForAssignee(details, procedureName.strip(), language == null ? "en" : language,
                me.displayName());
    }
}
