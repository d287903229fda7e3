package dev.tandem.identity;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/teams")
class AdminTeamsPage {

    private final TeamRoster roster;
    private final Teams teams;

    AdminTeamsPage(TeamRoster roster, Teams teams) {
        this.roster = roster;
        this.teams = teams;
    }

    @GetMapping
    String list(Model model) {
        return show(model, "", null, null, null, null);
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, CurrentUser admin, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Team team = teams.create(name, admin.username());
            redirect.addFlashAttribute("flashInfo", "Created the team " + team.name() + ".");
            return "redirect:/admin/teams";
        }
        catch (ErrorResponseException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, name, AdminUsersPage.detail(refused), null, null, null);
        }
    }

    @PostMapping("/{id}/name")
    String rename(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, CurrentUser admin, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Team team = teams.rename(id, name, admin.username());
            redirect.addFlashAttribute("flashInfo", "Renamed the team to " + team.name() + ".");
            return "redirect:/admin/teams";
        }
        catch (ErrorResponseException refused) {
            if (refused.getStatusCode() == HttpStatus.NOT_FOUND) {
                redirect.addFlashAttribute("flashError", "That team does not exist (any more).");
                return "redirect:/admin/teams";
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, "", null, id, name, AdminUsersPage.detail(refused));
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, CurrentUser admin, RedirectAttributes redirect) {
        var team = roster.teams().stream().filter(t -> t.team().id().equals(id)).findFirst();
        if (team.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That team does not exist (any more).");
            return "redirect:/admin/teams";
        }
        teams.delete(id, admin.username());
        redirect.addFlashAttribute("flashInfo", "Deleted the team " + team.get().team().name() + "; its "
                + team.get().memberCount() + " member(s) keep their accounts.");
        return "redirect:/admin/teams";
    }

    private String show(Model model, String newName, String createError, UUID renaming, String rename,
            String renameError) {
        model.addAttribute("teams", roster.teams());
        model.addAttribute("newName", newName);
        model.addAttribute("createError", createError);
        model.addAttribute("renaming", renaming);
        model.addAttribute("rename", rename);
        model.addAttribute("renameError", renameError);
        return "admin/teams";
    }
}
