package dev.tandem.guardrails;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.identity.CurrentUser;

/** The admin view of the output constitution: the active rules, their YAML to edit, and the versions saved. */
@Controller
class ConstitutionPage {

    private final ConstitutionVersions versions;

    ConstitutionPage(ConstitutionVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/admin/constitution")
    String show(Model model) {
        Constitution active = versions.active();
        model.addAttribute("active", active);
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", active.yaml());
        }
        model.addAttribute("history", versions.history());
        return "admin/constitution";
    }

    @PostMapping("/admin/constitution")
    String save(@RequestParam String yaml, CurrentUser user, RedirectAttributes redirect) {
        try {
            Constitution saved = versions.save(yaml, user.username());
            redirect.addFlashAttribute("flash", "Saved version " + saved.version() + " with " + saved.rules().size()
                    + " rules; it is active now.");
        } catch (Constitution.Invalid invalid) {
            redirect.addFlashAttribute("flashError", (invalid.line() > 0 ? "Line " + invalid.line() + ": " : "")
                    + invalid.getMessage() + " Nothing was saved.");
            redirect.addFlashAttribute("yaml", yaml);
        }
        return "redirect:/admin/constitution";
    }
}
