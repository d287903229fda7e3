package dev.tandem.insight;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.identity.CurrentUser;

/** The admin view of the resolution ledger: totals per month, the latest lines, one line's evidence, the definition. */
@Controller
class LedgerPage {

    private static final int SHOWN = 200;

    private final Ledger ledger;
    LedgerPage(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/admin/ledger")
    String show(CurrentUser user, @RequestParam(required = false) String month, Model model) {
        model.addAttribute("totals", ledger.totals(user));
        List<LedgerEntry> shown = ledger.latest(user, month, SHOWN + 1);
        model.addAttribute("month", month == null || month.isBlank() ? null : month.strip());
        model.addAttribute("entries", shown.stream().limit(SHOWN).toList());
        model.addAttribute("more", shown.size() > SHOWN);
        var definition = ledger.definition(user);
        model.addAttribute("definitionVersion", definition.version());
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", definition.yaml());
        }
        model.addAttribute("history", definition.history());
        return "admin/ledger";
    }

    @GetMapping("/admin/ledger/{id}")
    String open(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("opened", ledger.open(user, id));
        return "admin/ledger-entry";
    }

    @PostMapping("/admin/ledger/definition")
    String save(CurrentUser user, @RequestParam String yaml, RedirectAttributes redirect) {
        try {
            var saved = ledger.save(user, yaml);
            redirect.addFlashAttribute("flash", "Saved version " + saved.version() + "; the ledger counts by it from "
                    + "its next run. Entries already written keep the version they were counted under.");
        } catch (ErrorResponseException invalid) {
            redirect.addFlashAttribute("flashError", invalid.getBody().getDetail() + " Nothing was saved.");
            redirect.addFlashAttribute("yaml", yaml);
        }
        return "redirect:/admin/ledger";
    }
}
