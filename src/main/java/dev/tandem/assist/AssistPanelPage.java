package dev.tandem.assist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.ErrorResponseException;

import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.guardrails.AgentView;
import dev.tandem.identity.CurrentUser;
import dev.tandem.procedures.RunProcedures;
import dev.tandem.understanding.MessageUnderstanding;
import dev.tandem.understanding.MessageUnderstandings;

/**
 * The assist panel beside a conversation in the workspace (re-read on the stream's {@code assist} event),
 * its button that runs the offered procedure for the customer, the feedback the page sends for a
 * suggestion, and the macro search of the reply box.
 */
@Controller
class AssistPanelPage {

    private final ConversationQueries conversations;
    private final AssistPanels panels;
    private final SuggestionFeedback feedback;
    private final Macros macros;
    private final MessageUnderstandings understandings;
    private final AgentView agentView;
    private final RunProcedureForCustomer runProcedure;
    private final RunProcedures procedures;

    AssistPanelPage(ConversationQueries conversations, AssistPanels panels, SuggestionFeedback feedback, Macros macros,
            MessageUnderstandings understandings, AgentView agentView, RunProcedureForCustomer runProcedure,
            RunProcedures procedures) {
        this.runProcedure = runProcedure;
        this.procedures = procedures;
        this.conversations = conversations;
        this.panels = panels;
        this.feedback = feedback;
        this.macros = macros;
        this.understandings = understandings;
        this.agentView = agentView;
    }

    /** The customer's mood over this conversation: frustration of each message (0..1) and its direction. */
    record Mood(List<Double> frustration, String trend) {
    }

    @GetMapping("/conversations/{id}/assist")
    String panel(CurrentUser me, @PathVariable UUID id, Model model) {
        return render(me, conversations.details(me, id), model);
    }

    /**
     * The panel's "Run for the customer": starts the offered procedure and shows the panel again with what
     * happened, or why it did not (the procedure is gone, the conversation is not the agent's, one runs already).
     */
    @PostMapping("/conversations/{id}/assist/procedure")
    String runProcedure(CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) String procedure,
            Model model) {
        try {
            runProcedure.run(me, id, procedure);
            model.addAttribute("procedureStarted", true);
        } catch (ErrorResponseException refused) {
            model.addAttribute("procedureError", refused.getBody().getDetail());
        }
        return render(me, conversations.details(me, id), model);
    }

    private String render(CurrentUser me, ConversationDetails details, Model model) {
        UUID id = details.conversation().id();
        var status = details.conversation().status();
        boolean active = status == ConversationStatus.QUEUED || status == ConversationStatus.ASSIGNED;
        AssistPanel panel = active ? panels.current(details) : AssistPanel.empty(id);
        var shown = agentView.maskFor(me);
        model.addAttribute("assist", panel);
        model.addAttribute("assistActive", active);
        model.addAttribute("assistMessage", panel.messageText() == null ? null : shown.apply(panel.messageText()));
        model.addAttribute("mayRunProcedure", status == ConversationStatus.ASSIGNED
                && me.id().equals(details.conversation().assigneeId()));
        // what runs already is shown instead of a button that would only say so
        model.addAttribute("running", active ? procedures.running(id).orElse(null) : null);
        model.addAttribute("previous", conversations.customer(me, details.conversation().customer().id()).conversations()
            .stream().filter(c -> !c.id().equals(id)).limit(5).toList());
        model.addAttribute("mood", mood(understandings.of(id)));
        model.addAttribute("conversationId", id);
        return "assist/panel :: panel";
    }

    static Mood mood(List<MessageUnderstanding> understood) {
        List<Double> levels = understood.stream().filter(u -> u.sentiment() != null)
            .map(u -> Math.round(u.sentiment().frustration() * 100) / 100.0)
            .toList();
        if (levels.size() < 2) {
            return new Mood(levels, levels.isEmpty() ? "unknown" : "steady");
        }
        double change = levels.get(levels.size() - 1) - levels.get(0);
        return new Mood(levels, change > 0.15 ? "rising" : change < -0.15 ? "easing" : "steady");
    }

    /** From the page: the agent dismissed a suggestion, or sent a reply made from one (with its text). */
    @PostMapping("/assist/suggestions/{id}/feedback")
    ResponseEntity<Void> feedback(CurrentUser me, @PathVariable UUID id, @RequestParam String outcome,
            @RequestParam(required = false) String text) {
        AssistProblems.requireAgent(me);
        feedback.record(me, id, outcome, text);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    /** The reply box's macro search: macros matching {@code q}, with the conversation's variables filled. */
    @GetMapping("/assist/macros/search")
    @ResponseBody
    List<Map<String, String>> searchMacros(CurrentUser me, @RequestParam UUID conversation,
            @RequestParam(defaultValue = "") String q) {
        AssistProblems.requireAgent(me);
        ConversationDetails details = conversations.details(me, conversation);
        Map<String, String> values = new HashMap<>(AssistPanels.variables(details,
                AssistPanels.latestCustomerMessage(details).map(m -> panels.entities(m.text())).orElse(List.of())));
        values.put("agent.name", me.displayName());
        return macros.search(me, q, 8).stream()
            .map(m -> Map.of("id", m.id().toString(), "title", m.title(), "text", MacroVariables.fill(m.body(), values)))
            .toList();
    }
}
