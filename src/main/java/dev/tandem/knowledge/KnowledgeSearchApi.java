package dev.tandem.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Knowledge: search", description = "What the AI would find for a question: passages of published "
        + "articles with their scores")
class KnowledgeSearchApi {

    static final int MAX_K = 50;
    static final int MAX_QUERY = 1_000;

    private final KnowledgeQuestions questions;

    KnowledgeSearchApi(KnowledgeQuestions questions) {
        this.questions = questions;
    }

    record PassageJson(UUID articleId, String slug, String title, List<String> headingPath, String text, double score) {

        static PassageJson of(KnowledgeQuestions.Found found) {
            return new PassageJson(found.article() == null ? null : found.article().id(),
                    found.article() == null ? null : found.article().slug(), found.passage().title(),
                    found.passage().headingPath(), found.passage().text(), found.passage().score());
        }
    }

    record SearchJson(String query, String language, String audience, int k, List<PassageJson> passages) {
    }

    @GetMapping("/api/knowledge/search")
    @Operation(summary = "Try a question: the best passages of published articles, best first",
            description = "Scores are comparable only within one search. audience=customer never returns internal "
                    + "articles; articles are indexed a moment after they are published")
    SearchJson search(@Parameter(description = "the question") @RequestParam String q,
            @Parameter(description = "ISO 639-1 code of the question") @RequestParam(defaultValue = "en") String language,
            @Parameter(description = "customer or agent") @RequestParam(defaultValue = "customer") String audience,
            @Parameter(description = "at most this many passages, 1 to " + MAX_K) @RequestParam(defaultValue = "5") int k) {
        var ask = KnowledgeQuestions.Question.of(q, language, audience, k);
        return new SearchJson(ask.query(), ask.language(), ask.audience().name().toLowerCase(Locale.ROOT), ask.k(),
                questions.ask(ask).stream().map(PassageJson::of).toList());
    }
}
