package dev.tandem.assist;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.UserDirectory;

/** Pages: the macros (curators and admins manage them) and the suggestion figures (supervisors and admins). */
@Controller
class AssistPages {

    private final Macros macros;
    private final SuggestionRecords records;
    private final UserDirectory directory;

    AssistPages(Macros macros, SuggestionRecords records, UserDirectory directory) {
        this.macros = macros;
        this.records = records;
        this.directory = directory;
    }

    @GetMapping("/assist/macros")
    String macros(CurrentUser me, Model model) {
        AssistProblems.requireCurator(me);
        model.addAttribute("macros", macros.all());
        model.addAttribute("teams", directory.teams());
        model.addAttribute("teamNames", directory.teams().stream()
            .collect(java.util.stream.Collectors.toMap(t -> t.id(), t -> t.name())));
        return "assist/macros";
    }

    @PostMapping("/assist/macros")
    String create(CurrentUser me, @RequestParam(required = false) UUID teamId, @RequestParam String title,
            @RequestParam String body) {
        AssistProblems.requireCurator(me);
        macros.create(new Macros.Draft(teamId, title, body));
        return "redirect:/assist/macros";
    }

    @PostMapping("/assist/macros/{id}")
    String update(CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) UUID teamId,
            @RequestParam String title, @RequestParam String body) {
        AssistProblems.requireCurator(me);
        macros.update(id, new Macros.Draft(teamId, title, body));
        return "redirect:/assist/macros";
    }

    @PostMapping("/assist/macros/{id}/delete")
    String delete(CurrentUser me, @PathVariable UUID id) {
        AssistProblems.requireCurator(me);
        macros.delete(id);
        return "redirect:/assist/macros";
    }

    @GetMapping("/assist/feedback")
    String feedback(CurrentUser me, Model model) {
        AssistProblems.requireSupervisor(me);
        model.addAttribute("figures", records.figures());
        return "assist/feedback";
    }
}
