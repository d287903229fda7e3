package dev.tandem.procedures;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.ai.LanguageDetection;

/**
 * The admin view of the procedures: each with its triggers and steps and the file it comes from, a box to
 * try which procedure a message starts (and which values it already holds), and the latest runs.
 */
@Controller
class ProceduresPage {

    record RunRow(String procedure, String status, java.util.UUID conversationId, java.time.Instant updatedAt, String last) {
    }

    private static final String EXAMPLE = "I forgot my password, can you send me a reset link?";

    private final ProcedureCatalog catalog;
    private final Triggers triggers;
    private final ProcedureRuns runs;
    private final Replies replies;
    private final LanguageDetection languages;
    private final ProceduresProperties properties;

    ProceduresPage(ProcedureCatalog catalog, Triggers triggers, ProcedureRuns runs, Replies replies,
            LanguageDetection languages, ProceduresProperties properties) {
        this.catalog = catalog;
        this.triggers = triggers;
        this.runs = runs;
        this.replies = replies;
        this.languages = languages;
        this.properties = properties;
    }

    @GetMapping("/admin/procedures")
    String show(Model model) {
        return page(model, EXAMPLE);
    }

    /** A dry run: nothing is called, sent or stored. */
    @PostMapping("/admin/procedures/try")
    String tryIt(@RequestParam(defaultValue = "") String message, Model model) {
        String text = message.length() > 2000 ? message.substring(0, 2000) : message;
        var match = triggers.match(catalog.all(), text);
        model.addAttribute("tried", true);
        model.addAttribute("match", match.orElse(null));
        match.ifPresent(procedure -> {
            Map<String, Object> found = new LinkedHashMap<>();
            String firstQuestion = null;
            for (var step : procedure.steps()) {
                if (step.ask() != null) {
                    var value = ValueType.named(step.type()).mention(text);
                    if (value.isPresent()) {
                        found.put(step.ask(), Templates.display(value.get()));
                    } else if (firstQuestion == null && !step.ask().equals("email")) {
                        firstQuestion = step.prompt() != null ? step.prompt() : "ask." + step.ask();
                    }
                }
            }
            String language = languages.detect(text).filter(Replies.LANGUAGES::contains).orElse("en");
            model.addAttribute("phrase", triggers.matchingPhrase(procedure, text).orElse("(intent)"));
            model.addAttribute("found", found);
            model.addAttribute("firstQuestion", firstQuestion == null ? null : replies.text(firstQuestion, language, Map.of()));
        });
        return page(model, text);
    }

    private String page(Model model, String message) {
        model.addAttribute("message", message);
        model.addAttribute("enabled", properties.enabled());
        model.addAttribute("procedures", catalog.all());
        model.addAttribute("sources", catalog.all().stream()
            .collect(java.util.stream.Collectors.toMap(ProcedureDefinition::name, p -> catalog.source(p.name()))));
        model.addAttribute("runs", runs.recent(25).stream()
            .map(run -> new RunRow(run.procedure, run.status.name().toLowerCase().replace('_', ' '), run.conversationId,
                    run.updatedAt, run.history.isEmpty() ? "" : run.history.get(run.history.size() - 1).text()))
            .toList());
        return "admin/procedures";
    }
}
