package dev.tandem.answering;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Curators' and admins' view of how well the assistant answers from each article. */
@Controller
class AnswerQualityPage {

    private static final List<Integer> WINDOWS = List.of(7, 30, 90);

    private final AnswerQuality quality;

    AnswerQualityPage(AnswerQuality quality) {
        this.quality = quality;
    }

    @GetMapping("/knowledge/answer-quality")
    String show(@RequestParam(defaultValue = "30") String days, @RequestParam(required = false) String language,
            Model model) {
        int window = WINDOWS.stream().filter(d -> String.valueOf(d).equals(days)).findFirst().orElse(30);
        String chosen;
        try {
            chosen = AnswerQualityApi.checkedLanguage(language);
        } catch (ErrorResponseException notALanguage) {
            chosen = null;
        }
        model.addAttribute("report", quality.report(Duration.ofDays(window), chosen));
        model.addAttribute("days", window);
        model.addAttribute("windows", WINDOWS);
        model.addAttribute("language", chosen);
        return "knowledge/answer-quality";
    }
}
