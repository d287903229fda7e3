package dev.tandem.answering;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Knowledge", description = "Articles, search and what the knowledge base lacks")
class AnswerQualityApi {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final AnswerQuality quality;
    private final WrongAnswers wrong;

    AnswerQualityApi(AnswerQuality quality, WrongAnswers wrong) {
        this.quality = quality;
        this.wrong = wrong;
    }

    @GetMapping("/api/knowledge/answer-quality")
    @Operation(summary = "Per article and language: the AI's answers citing it, the share judged accurate and policy "
            + "compliant, the customers' feedback and the worst examples (curators and admins)")
    AnswerQuality.Report report(@RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) String language) {
        return quality.report(Duration.ofDays(checkedDays(days)), checkedLanguage(language));
    }

    @GetMapping("/api/knowledge/gaps/answers")
    @Operation(summary = "AI answers judged inaccurate or not policy compliant, or that the customer said did not help")
    List<WrongAnswers.WrongAnswer> wrongAnswers(@RequestParam(defaultValue = "30") int days) {
        return wrong.list(Duration.ofDays(checkedDays(days)));
    }

    static int checkedDays(int days) {
        if (days < 1 || days > 365) {
            throw badRequest("days must be between 1 and 365.");
        }
        return days;
    }

    static String checkedLanguage(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        if (!LANGUAGE.matcher(language).matches()) {
            throw badRequest("language must be a language code of 2 or 3 lower-case letters (for example en), not \""
                    + (language.length() > 20 ? language.substring(0, 20) + "…" : language) + "\".");
        }
        return language;
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
