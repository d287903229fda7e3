package dev.tandem.approvals;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.identity.CurrentUser;

/** The approval queue in the workspace: what waits, with what the approver needs, and one click to decide. */
@Controller
class ApprovalsPage {

    private final ApprovalQueue queue;

    ApprovalsPage(ApprovalQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/approvals")
    String show(CurrentUser user, Model model) {
        ApprovalPermissions.check(user);
        model.addAttribute("pending", queue.pending());
        model.addAttribute("decided", queue.decided(20));
        return "approvals";
    }

    @PostMapping("/approvals/{id}")
    String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(required = false) String note,
            CurrentUser user, RedirectAttributes redirect) {
        ApprovalPermissions.check(user);
        try {
            Approval decided = queue.decide(id, "approve".equals(decision), user.username(), note);
            redirect.addFlashAttribute("flash", (decided.status() == ApprovalStatus.APPROVED ? "Approved: " : "Rejected: ")
                    + decided.title());
        } catch (ApprovalQueue.DecisionRefused refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return "redirect:/approvals";
    }
}
