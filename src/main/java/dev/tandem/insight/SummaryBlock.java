package dev.tandem.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.guardrails.AgentView;
import dev.tandem.identity.CurrentUser;

/**
 * The summary block of the workspace's conversation view: the current summary, and an inline form to edit
 * it (htmx fragments, loaded into the customer panel). Edits carry the version they started from, so a
 * summary that changed meanwhile is not overwritten: the form comes back with the newer text and a note.
 */
@Controller
class SummaryBlock {

    private static final String VIEW = "insight/summary :: block";
    private static final String FORM = "insight/summary :: form";

    private final Summaries summaries;
    private final AgentView agentView;

    SummaryBlock(Summaries summaries, AgentView agentView) {
        this.summaries = summaries;
        this.agentView = agentView;
    }

    @GetMapping("/conversations/{id}/summary")
    String block(CurrentUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("conversationId", id);
        model.addAttribute("summary", summaries.current(me, id).map(s -> s.masked(agentView.maskFor(me))).orElse(null));
        return VIEW;
    }

    /** The gist for the handoff box. */
    @GetMapping("/conversations/{id}/summary/brief")
    String brief(CurrentUser me, @PathVariable UUID id, Model model) {
        block(me, id, model);
        return "insight/summary :: brief";
    }

    @GetMapping("/conversations/{id}/summary/edit")
    String form(CurrentUser me, @PathVariable UUID id, Model model) {
        return form(me, id, model, null);
    }

    private String form(CurrentUser me, UUID id, Model model, String problem) {
        var summary = summaries.current(me, id).map(s -> s.masked(agentView.maskFor(me)));
        model.addAttribute("conversationId", id);
        model.addAttribute("version", summary.map(Summary::version).orElse(0));
        model.addAttribute("reason", summary.map(Summary::reason).orElse(""));
        model.addAttribute("details", summary.map(s -> String.join("\n",
                s.details().stream().map(d -> d.type() + ": " + d.value()).toList())).orElse(""));
        model.addAttribute("actions", summary.map(s -> String.join("\n", s.actions())).orElse(""));
        model.addAttribute("outcome", summary.map(s -> s.outcome().status()).orElse(Summary.Status.PENDING));
        model.addAttribute("outcomeNote", summary.map(s -> s.outcome().note()).orElse(""));
        model.addAttribute("followUps", summary.map(s -> String.join("\n", s.followUps())).orElse(""));
        model.addAttribute("statuses", Summary.Status.values());
        model.addAttribute("problem", problem);
        return FORM;
    }

    @PostMapping("/conversations/{id}/summary")
    String save(CurrentUser me, @PathVariable UUID id, @RequestParam int version,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String details,
            @RequestParam(defaultValue = "") String actions, @RequestParam(required = false) Summary.Status outcome,
            @RequestParam(defaultValue = "") String outcomeNote, @RequestParam(defaultValue = "") String followUps,
            Model model) {
        try {
            summaries.edit(me, id, new Summaries.Edit(version, reason, details(details), lines(actions), outcome,
                    outcomeNote, lines(followUps)));
        }
        catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            String detail = e.getBody().getDetail();
            String problem = e.getStatusCode().value() == 409
                    ? detail + " The form now shows the newer summary." : detail;
            return e.getStatusCode().value() == 409 ? form(me, id, model, problem)
                    : formAsSent(id, version, reason, details, actions, outcome, outcomeNote, followUps, problem, model);
        }
        return block(me, id, model);
    }

    private String formAsSent(UUID id, int version, String reason, String details, String actions,
            Summary.Status outcome, String outcomeNote, String followUps, String problem, Model model) {
        model.addAttribute("conversationId", id);
        model.addAttribute("version", version);
        model.addAttribute("reason", reason);
        model.addAttribute("details", details);
        model.addAttribute("actions", actions);
        model.addAttribute("outcome", outcome == null ? Summary.Status.PENDING : outcome);
        model.addAttribute("outcomeNote", outcomeNote);
        model.addAttribute("followUps", followUps);
        model.addAttribute("statuses", Summary.Status.values());
        model.addAttribute("problem", problem);
        return FORM;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** "ORDER_NUMBER: NW-10482" per line; a line without a known type is kept as a NOTE. */
    private static List<Summary.Detail> details(String text) {
        List<Summary.Detail> details = new ArrayList<>();
        for (String line : lines(text)) {
            int colon = line.indexOf(':');
            String type = colon > 0 ? line.substring(0, colon).strip().toUpperCase(Locale.ROOT).replace(' ', '_') : "";
            if (colon > 0 && type.matches("[A-Z_]{2,30}")) {
                details.add(new Summary.Detail(type, line.substring(colon + 1).strip()));
            }
            else {
                details.add(new Summary.Detail("NOTE", line));
            }
        }
        return details;
    }
}
