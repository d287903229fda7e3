package dev.tandem.escalation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tandem.ai.LanguageDetection;

/**
 * The admin view of the escalation policy: the rules in effect and where they come from, a box to
 * try them on a conversation, and the latest handovers with their reasons.
 */
@Controller
class EscalationPage {

    private static final int RECENT = 25;
    private static final String EXAMPLE = """
            C: where is my order NW-10482?
            AI: Here is what our help centre says: you can follow your order in Account → Orders.
            C: that didn't help, it has been three weeks!!""";

    private final EscalationPolicy policy;
    private final EscalationProperties properties;
    private final EscalationRecords records;
    private final LanguageDetection languages;

    EscalationPage(EscalationPolicy policy, EscalationProperties properties, EscalationRecords records,
            LanguageDetection languages) {
        this.policy = policy;
        this.properties = properties;
        this.records = records;
        this.languages = languages;
    }

    @GetMapping("/admin/escalation")
    String show(Model model) {
        return page(model, EXAMPLE);
    }

    @PostMapping("/admin/escalation/try")
    String tryIt(@RequestParam(defaultValue = "") String conversation, Model model) {
        try {
            var turns = Transcripts.parse(conversation);
            String language = languages.detect(String.join("\n",
                    turns.stream().filter(Turn::fromCustomer).map(Turn::text).toList())).orElse("en");
            Assessment assessment = policy.assess(turns, language);
            model.addAttribute("assessment", assessment);
            model.addAttribute("language", language);
            model.addAttribute("holding", assessment.escalate()
                    ? HoldingMessages.of(policy.holdingKind(assessment), language) : null);
        } catch (IllegalArgumentException e) {
            model.addAttribute("tryError", e.getMessage());
        }
        return page(model, conversation);
    }

    private String page(Model model, String conversation) {
        var rules = policy.definition();
        model.addAttribute("enabled", properties.enabled());
        model.addAttribute("rulesFile", properties.rulesFile());
        model.addAttribute("rules", policy.rules());
        model.addAttribute("frustration", rules.frustration());
        model.addAttribute("repetition", rules.repetition());
        model.addAttribute("largeDispute", rules.largeDispute());
        model.addAttribute("learned", rules.learned());
        model.addAttribute("examplesLearned", policy.examplesLearned());
        model.addAttribute("conversation", conversation);
        model.addAttribute("recent", records.recent(RECENT));
        return "admin/escalation";
    }
}
