package dev.tandem.answering;

import java.time.Duration;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/knowledge/gaps")
@Tag(name = "Knowledge", description = "Articles, search and what the knowledge base lacks")
class KnowledgeGapsApi {

    private final KnowledgeGaps gaps;

    KnowledgeGapsApi(KnowledgeGaps gaps) {
        this.gaps = gaps;
    }

    @GetMapping
    @Operation(summary = "Questions the AI could not answer, grouped by meaning, most asked first")
    List<KnowledgeGaps.Gap> list(@RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 365) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "days must be between 1 and 365."), null);
        }
        return gaps.list(Duration.ofDays(days));
    }
}
