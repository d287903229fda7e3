package dev.tandem.knowledge;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/knowledge/articles/{id}/questions")
@Tag(name = "Knowledge: articles")
class ArticleQuestionsApi {

    private final ArticleQuestions questions;

    ArticleQuestionsApi(ArticleQuestions questions) {
        this.questions = questions;
    }

    /** @param questions curated ones first, then the ones learned from confirmed answers */
    record QuestionsJson(List<ArticleQuestions.ArticleQuestion> questions) {
    }

    /** @param questions the curated questions, replacing the ones before */
    record CuratedJson(List<String> questions) {
    }

    @GetMapping
    @Operation(summary = "The questions an article answers: curated, and learned from confirmed answers")
    QuestionsJson list(@PathVariable UUID id) {
        return new QuestionsJson(questions.of(id));
    }

    @PutMapping
    @Operation(summary = "Replace the curated questions of an article (CURATOR or ADMIN)",
            description = "Searched with the article from the next index update on (seconds); learned questions stay")
    QuestionsJson replace(@PathVariable UUID id, @RequestBody CuratedJson body, Principal user) {
        if (body == null || body.questions() == null) {
            throw ArticleProblems.invalid("Send {\"questions\": [\"...\"]}: the questions the article answers.");
        }
        return new QuestionsJson(questions.replaceCurated(id, body.questions(), user.getName()));
    }
}
