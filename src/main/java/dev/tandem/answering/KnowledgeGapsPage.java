package dev.tandem.answering;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Curators' list of what customers asked and the assistant could not answer. */
@Controller
class KnowledgeGapsPage {

    private static final List<Integer> WINDOWS = List.of(7, 30, 90);

    private final KnowledgeGaps gaps;

    KnowledgeGapsPage(KnowledgeGaps gaps) {
        this.gaps = gaps;
    }

    @GetMapping("/knowledge/gaps")
    String show(@RequestParam(defaultValue = "30") String days, Model model) {
        int window = WINDOWS.stream().filter(d -> String.valueOf(d).equals(days)).findFirst().orElse(30);
        model.addAttribute("gaps", gaps.list(Duration.ofDays(window)));
        model.addAttribute("days", window);
        model.addAttribute("windows", WINDOWS);
        return "knowledge/gaps";
    }

    @PostMapping("/knowledge/gaps/dismiss")
    String dismiss(@RequestParam(name = "id", required = false) List<UUID> ids,
            @RequestParam(defaultValue = "30") String days, RedirectAttributes redirect) {
        int dismissed = ids == null ? 0 : gaps.dismiss(ids);
        redirect.addFlashAttribute("notice", dismissed == 1 ? "1 question dismissed." : dismissed + " questions dismissed.");
        redirect.addAttribute("days", days);
        return "redirect:/knowledge/gaps";
    }
}
