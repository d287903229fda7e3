package dev.tandem.review;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.identity.CurrentUser;

/** The review queue in the workspace: each held reply with why it was held, its SLA, and approve / edit / reject. */
@Controller
class ReviewPage {

    private final ReviewQueue queue;
    private final Clock clock;

    ReviewPage(ReviewQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping("/review")
    String show(CurrentUser user, Model model) {
        var reviewer = Reviewers.of(user);
        model.addAttribute("pending", queue.pending(reviewer));
        model.addAttribute("decided", queue.decided(reviewer, 20));
        model.addAttribute("now", clock.instant());
        model.addAttribute("slaMinutes", queue.sla().toMinutes());
        model.addAttribute("mayExport", user.seesAllTeams());
        return "review";
    }

    /** The feedback export for a signed-in supervisor's browser (the API's copy takes HTTP Basic or a token). */
    @GetMapping(value = "/review/feedback.jsonl", produces = "application/jsonl")
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<String> feedback(CurrentUser user) {
        Reviewers.checkExport(user);
        return FeedbackExport.of(queue);
    }

    @PostMapping("/review/{id}")
    String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(required = false) String text,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Long version, CurrentUser user,
            RedirectAttributes redirect) {
        var reviewer = Reviewers.of(user);
        try {
            HeldReply decided = "reject".equals(decision) ? queue.reject(id, reason, version, reviewer)
                    : queue.approve(id, text, reason, version, reviewer);
            redirect.addFlashAttribute("flash", switch (decided.status()) {
                case APPROVED -> "Approved and sent.";
                case EDITED -> "Your edit was sent.";
                case REJECTED -> "Rejected: the conversation is queued for a person.";
                case PENDING -> "";
            });
        } catch (ReviewQueue.DecisionRefused refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return "redirect:/review";
    }
}
