package dev.tandem.simulation;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.identity.CurrentUser;

/** The workspace's Training page: pick a scenario, practise, see the score; the history and the coach's notes. */
@Controller
class TrainingPages {

    /** Scenarios listed at once; the filters narrow the rest (or "surprise me" picks among them). */
    private static final int LISTED = 30;

    private final TrainingSessions sessions;
    private final TrainingScenarios scenarios;
    private final TrainingKnowledge knowledge;

    TrainingPages(TrainingSessions sessions, TrainingScenarios scenarios, TrainingKnowledge knowledge) {
        this.sessions = sessions;
        this.scenarios = scenarios;
        this.knowledge = knowledge;
    }

    @GetMapping("/training")
    String index(CurrentUser me, @RequestParam(required = false) String kind, @RequestParam(required = false) String language,
            Model model) {
        TrainingSessions.requirePractitioner(me);
        List<Scenario> matching = scenarios.filter(kind, language);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("language", language == null ? "" : language);
        model.addAttribute("languages", scenarios.languages());
        model.addAttribute("matching", matching.size());
        model.addAttribute("scenarios", matching.stream().limit(LISTED).map(TrainingJson.ScenarioJson::of).toList());
        model.addAttribute("history", sessions.history(me, 100));
        model.addAttribute("names", new Names(sessions));
        model.addAttribute("me", me.id());
        return "training/index";
    }

    /** Display names of the people in the history, for the template. */
    record Names(TrainingSessions sessions) {

        public String of(UUID user) {
            return sessions.name(user);
        }
    }

    @PostMapping("/training/sessions")
    String start(CurrentUser me, @RequestParam(required = false) String scenarioId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String language, RedirectAttributes redirect) {
        return attempt(redirect, "/training", () -> "/training/sessions/" + sessions.start(me, scenarioId, kind, language)
            .session().id());
    }

    @GetMapping("/training/sessions/{id}")
    String session(CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        var shown = sessions.show(me, id);
        String query = q;
        if (query == null) {
            // like the workspace's panel: what the customer asked and last said, until the agent searches for something else
            List<String> said = shown.turns().stream().filter(t -> !t.byAgent()).map(TrainingTurn::text).toList();
            query = said.isEmpty() ? "" : said.size() == 1 ? said.get(0) : said.get(0) + " " + said.get(said.size() - 1);
        }
        model.addAttribute("shown", shown);
        model.addAttribute("s", shown.session());
        model.addAttribute("scenario", TrainingJson.ScenarioJson.of(shown.scenario()));
        model.addAttribute("score", shown.session().score());
        model.addAttribute("q", query);
        model.addAttribute("passages", shown.mine() && shown.session().status() == TrainingStore.Status.ACTIVE
                ? knowledge.search(query, shown.session().language()) : List.of());
        model.addAttribute("wanted", TrainingRubric.wanted(shown.scenario()));
        model.addAttribute("clientTurnId", UUID.randomUUID().toString());
        return "training/session";
    }

    @PostMapping("/training/sessions/{id}/turns")
    String turn(CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) String text,
            @RequestParam(required = false) String clientTurnId, RedirectAttributes redirect) {
        String back = "/training/sessions/" + id;
        return attempt(redirect, back, () -> {
            sessions.turn(me, id, text, clientTurnId);
            return back + "#reply";
        });
    }

    @PostMapping("/training/sessions/{id}/finish")
    String finish(CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        String back = "/training/sessions/" + id;
        return attempt(redirect, back, () -> {
            sessions.finish(me, id);
            return back;
        });
    }

    @PostMapping("/training/sessions/{id}/note")
    String note(CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        String back = "/training/sessions/" + id;
        return attempt(redirect, back, () -> {
            sessions.note(me, id, note);
            redirect.addFlashAttribute("flashInfo", "Note saved.");
            return back;
        });
    }

    /** A refused action shows its reason on the page it came from. */
    private static String attempt(RedirectAttributes redirect, String back, Supplier<String> action) {
        try {
            return "redirect:" + action.get();
        } catch (ErrorResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw refused;
            }
            redirect.addFlashAttribute("flashError", refused.getBody().getDetail());
            return "redirect:" + back;
        }
    }
}
