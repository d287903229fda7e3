package dev.tandem.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.conversation.ConversationQueries;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.UserDirectory;

/**
 * The workspace pages of quality review: an agent's coaching page (their own, or a supervisor's view of one of
 * their agents), the supervisors' calibration (the queue, a blind review, the agreement per item), and the admin's
 * rubric. Each hands the work to the use cases the API uses, which check who may see what.
 */
@Controller
class QualityPages {

    private final Coaching coaching;
    private final ScoreVisibility visibility;
    private final Calibration calibration;
    private final Disputes disputes;
    private final ScoreStore scores;
    private final RubricVersions rubrics;
    private final ConversationQueries conversations;
    private final UserDirectory users;

    QualityPages(Coaching coaching, ScoreVisibility visibility, Calibration calibration, Disputes disputes, ScoreStore scores,
            RubricVersions rubrics, ConversationQueries conversations, UserDirectory users) {
        this.coaching = coaching;
        this.visibility = visibility;
        this.calibration = calibration;
        this.disputes = disputes;
        this.scores = scores;
        this.rubrics = rubrics;
        this.conversations = conversations;
        this.users = users;
    }

    @GetMapping("/quality/coaching")
    String coaching(@RequestParam(required = false) UUID agent, CurrentUser user, Model model) {
        UUID agentId = agent == null ? user.id() : agent;
        visibility.check(user, agentId);
        Coaching.Report report = coaching.of(agentId);
        model.addAttribute("report", report);
        model.addAttribute("own", agentId.equals(user.id()));
        model.addAttribute("agentName", users.user(agentId).map(u -> u.displayName()).orElse("Unknown agent"));
        model.addAttribute("definitions", definitions());
        model.addAttribute("recent", scores.ofAgent(agentId, java.time.Instant.now().minus(java.time.Duration.ofDays(30))).stream()
            .limit(20).toList());
        model.addAttribute("team", coaching.team());
        if (ScoreVisibility.supervises(user)) {
            model.addAttribute("agents", users.agents().stream().filter(a -> visibility.canSee(user, a.id())).toList());
        }
        return "quality/coaching";
    }

    @PostMapping("/quality/coaching/{agentId}/notes")
    String note(@PathVariable UUID agentId, @RequestParam(required = false) String item, @RequestParam String text,
            CurrentUser user, RedirectAttributes redirect) {
        visibility.check(user, agentId);
        try {
            coaching.addNote(user, agentId, item, text);
            redirect.addFlashAttribute("flash", "Note saved; the agent sees it on their coaching page.");
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", refused.getBody().getDetail());
        }
        return "redirect:/quality/coaching?agent=" + agentId;
    }

    @PostMapping("/quality/conversations/{conversationId}/disputes")
    String dispute(@PathVariable UUID conversationId, @RequestParam String item, @RequestParam String reason, CurrentUser user,
            RedirectAttributes redirect) {
        try {
            disputes.open(user, conversationId, item, reason);
            redirect.addFlashAttribute("flash", "Your dispute of " + item + " went to calibration: a supervisor reviews the "
                    + "conversation without seeing the verdict first.");
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", refused.getBody().getDetail());
        }
        return "redirect:/quality/coaching";
    }

    @GetMapping("/quality/calibration")
    String calibration(CurrentUser user, Model model) {
        supervisor(user);
        model.addAttribute("queue", calibration.queue(user, 50));
        model.addAttribute("agreement", calibration.agreement());
        model.addAttribute("history", calibration.history());
        model.addAttribute("items", rubrics.active().names());
        return "quality/calibration";
    }

    @GetMapping("/quality/calibration/{conversationId}")
    String review(@PathVariable UUID conversationId, CurrentUser user, Model model) {
        supervisor(user);
        ScoreStore.Score score = scores.find(conversationId)
            .orElseThrow(() -> QualityProblems.notFound("Conversation " + conversationId + " has no quality score to review."));
        Rubric rubric = rubrics.version(score.rubricVersion()).orElse(rubrics.active());
        var details = conversations.whole(conversationId)
            .orElseThrow(() -> QualityProblems.notFound("Conversation " + conversationId + " no longer exists."));
        model.addAttribute("conversationId", conversationId);
        model.addAttribute("rubricItems", rubric.items());
        model.addAttribute("lines", Transcript.of(details).lines());
        return "quality/review";
    }

    @PostMapping("/quality/calibration/{conversationId}")
    String saveReview(@PathVariable UUID conversationId, @RequestParam Map<String, String> form, CurrentUser user, Model model,
            RedirectAttributes redirect) {
        supervisor(user);
        Map<String, Boolean> labels = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("item.") && !value.isBlank()) {
                labels.put(key.substring(5), "na".equals(value) ? null : Boolean.valueOf(value));
            }
        });
        try {
            List<Calibration.Comparison> comparison = calibration.review(user, conversationId, labels);
            model.addAttribute("conversationId", conversationId);
            model.addAttribute("comparison", comparison);
            return "quality/compared";
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", refused.getBody().getDetail());
            return "redirect:/quality/calibration/" + conversationId;
        }
    }

    @GetMapping("/admin/quality/rubric")
    String rubric(Model model) {
        Rubric active = rubrics.active();
        model.addAttribute("rubricVersion", active.version());
        model.addAttribute("rubricItems", active.items());
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", active.yaml());
        }
        model.addAttribute("history", rubrics.history());
        return "admin/quality-rubric";
    }

    @PostMapping("/admin/quality/rubric")
    String saveRubric(@RequestParam String yaml, CurrentUser user, RedirectAttributes redirect) {
        try {
            Rubric saved = rubrics.save(yaml, user.username());
            redirect.addFlashAttribute("flash", "Saved version " + saved.version() + " with " + saved.items().size()
                    + " items; conversations resolved from now on are scored with it.");
        } catch (Rubric.Invalid invalid) {
            redirect.addFlashAttribute("flashError", (invalid.line() > 0 ? "Line " + invalid.line() + ": " : "")
                    + invalid.getMessage() + " Nothing was saved.");
            redirect.addFlashAttribute("yaml", yaml);
        }
        return "redirect:/admin/quality/rubric";
    }

    private Map<String, String> definitions() {
        Map<String, String> definitions = new LinkedHashMap<>();
        rubrics.active().items().forEach(item -> definitions.put(item.name(), item.definition()));
        return definitions;
    }

    private static void supervisor(CurrentUser user) {
        if (!ScoreVisibility.supervises(user)) {
            throw QualityProblems.forbidden("Calibration is for supervisors and admins.");
        }
    }
}
