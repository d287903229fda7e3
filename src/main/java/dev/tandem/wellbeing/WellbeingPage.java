package dev.tandem.wellbeing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.identity.CurrentUser;

/**
 * "My wellbeing" in the workspace, the team's page for supervisors, and the banner every page of the workspace
 * shows (a suggested break for the agent, open alerts for a supervisor).
 */
@Controller
class WellbeingPage {

    private final ViewWellbeing view;
    private final Breaks breaks;
    private final SupervisorAlerts alerts;
    private final Clock clock;

    WellbeingPage(ViewWellbeing view, Breaks breaks, SupervisorAlerts alerts, Clock clock) {
        this.view = view;
        this.breaks = breaks;
        this.alerts = alerts;
        this.clock = clock;
    }

    @GetMapping("/wellbeing")
    String mine(CurrentUser me, Model model) {
        model.addAttribute("wellbeing", view.mine(me));
        model.addAttribute("own", true);
        model.addAttribute("oversees", view.overseesOthers(me));
        return "wellbeing/agent";
    }

    @GetMapping("/wellbeing/agents/{id}")
    String agent(@PathVariable UUID id, CurrentUser me, Model model) {
        AgentWellbeing wellbeing = view.of(me, id);
        model.addAttribute("wellbeing", wellbeing);
        model.addAttribute("own", wellbeing.agentId().equals(me.id()));
        model.addAttribute("oversees", view.overseesOthers(me));
        return "wellbeing/agent";
    }

    @GetMapping("/wellbeing/team")
    String team(CurrentUser me, Model model) {
        model.addAttribute("team", view.team(me));
        model.addAttribute("alerts", alerts.open(me));
        return "wellbeing/team";
    }

    /** The banner: a break waiting for the agent's answer, or the break they are on; a supervisor's open alerts. */
    @GetMapping("/wellbeing/banner")
    String banner(CurrentUser me, Model model) {
        var latest = view.latestBreak(me);
        model.addAttribute("pendingBreak",
                latest.filter(i -> i.status() == Intervention.Status.SUGGESTED).orElse(null));
        model.addAttribute("onBreakUntil",
                latest.filter(i -> i.inEffect(clock.instant())).map(Intervention::until).orElse(null));
        model.addAttribute("alerts", view.overseesOthers(me) ? alerts.open(me) : List.of());
        return "wellbeing/banner :: banner";
    }

    @PostMapping("/wellbeing/breaks/{id}/take")
    String take(@PathVariable UUID id, CurrentUser me, RedirectAttributes redirect) {
        return decided(redirect, () -> {
            Intervention taken = breaks.take(me, id);
            return "Enjoy your break: no new conversations are assigned to you for " + taken.minutes() + " minutes.";
        });
    }

    @PostMapping("/wellbeing/breaks/{id}/dismiss")
    String dismiss(@PathVariable UUID id, CurrentUser me, RedirectAttributes redirect) {
        return decided(redirect, () -> {
            breaks.dismiss(me, id);
            return "Break dismissed. You can take one whenever you need it by setting yourself away.";
        });
    }

    @PostMapping("/wellbeing/breaks/end")
    String endBreak(CurrentUser me, RedirectAttributes redirect) {
        return decided(redirect, () -> {
            breaks.endEarly(me);
            return "Welcome back: conversations are assigned to you again.";
        });
    }

    @PostMapping("/wellbeing/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, CurrentUser me, RedirectAttributes redirect) {
        try {
            alerts.acknowledge(me, id);
            redirect.addFlashAttribute("flash", "Alert acknowledged.");
        }
        catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", refused.getBody().getDetail());
        }
        return "redirect:/wellbeing/team";
    }

    private static String decided(RedirectAttributes redirect, java.util.function.Supplier<String> decision) {
        try {
            redirect.addFlashAttribute("flash", decision.get());
        }
        catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("flashError", refused.getBody().getDetail());
        }
        return "redirect:/wellbeing";
    }
}
