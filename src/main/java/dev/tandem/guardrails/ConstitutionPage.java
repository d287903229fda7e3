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
        // plain values: the page's layout uses "active" itself, and the template reads no internal type
        model.addAttribute("constitutionVersion", active.version());
        model.addAttribute("rules", active.rules().stream()
            .map(rule -> java.util.Map.of("id", rule.id(), "description", rule.description(), "check",
                    rule.check().name().toLowerCase(java.util.Locale.ROOT), "action", rule.action().name()))
            .toList());
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", active.yaml());
        }
        model.addAttribute("history", versions.history().stream()
            .map(saved -> java.util.Map.of("version", saved.version(), "author", saved.author(), "savedAt", saved.savedAt()))
            .toList());
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
