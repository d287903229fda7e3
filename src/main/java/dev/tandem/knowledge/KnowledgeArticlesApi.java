package dev.tandem.knowledge;

import java.time.Instant;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/knowledge/articles")
@Tag(name = "Knowledge: articles", description = "The knowledge base the AI answers from: read by agents, "
        + "supervisors, curators and admins; written by curators and admins")
class KnowledgeArticlesApi {

    private final Articles articles;
    private final WriteArticle write;
    private final PublishArticle publish;

    KnowledgeArticlesApi(Articles articles, WriteArticle write, PublishArticle publish) {
        this.articles = articles;
        this.write = write;
        this.publish = publish;
    }

    /** An article in a list: everything but the body. */
    record ArticleSummaryJson(UUID id, String slug, String title, List<String> tags, String language,
            ArticleAudience audience, ArticleStatus status, UUID translationOf, int version, Instant createdAt,
            Instant updatedAt) {

        static ArticleSummaryJson of(Article a) {
            return new ArticleSummaryJson(a.id(), a.slug(), a.title(), a.tags(), a.language(), a.audience(),
                    a.status(), a.translationOf(), a.currentVersion(), a.createdAt(), a.updatedAt());
        }
    }

    record LinkJson(UUID id, String slug, String title, String language, ArticleStatus status) {

        static LinkJson of(Article a) {
            return new LinkJson(a.id(), a.slug(), a.title(), a.language(), a.status());
        }
    }

    /** @param original the article this one translates, or null; {@code others} are the other translations */
    record TranslationsJson(LinkJson original, List<LinkJson> others) {
    }

    record ArticleJson(UUID id, String slug, String title, String body, List<String> tags, String language,
            ArticleAudience audience, ArticleStatus status, UUID translationOf, int version, Instant createdAt,
            Instant updatedAt, TranslationsJson translations) {

        static ArticleJson of(Article a, Articles.Translations t) {
            return new ArticleJson(a.id(), a.slug(), a.title(), a.body(), a.tags(), a.language(), a.audience(),
                    a.status(), a.translationOf(), a.currentVersion(), a.createdAt(), a.updatedAt(),
                    t == null ? null : new TranslationsJson(t.original() == null ? null : LinkJson.of(t.original()),
                            t.others().stream().map(LinkJson::of).toList()));
        }
    }

    /**
     * @param version on update: the version the change was made to; another save in between gives 409
     */
    record ArticleWriteJson(String slug, String title, String body, List<String> tags, String language,
            ArticleAudience audience, UUID translationOf, Integer version) {

        /** A new article is public unless it says otherwise; an update must say, so that nothing turns public by omission. */
        WriteArticle.Draft draft(ArticleAudience unless) {
            return new WriteArticle.Draft(slug, title, body, tags, language, audience == null ? unless : audience,
                    translationOf);
        }
    }

    record VersionJson(int version, String title, String changedBy, Instant changedAt) {

        static VersionJson of(ArticleVersion v) {
            return new VersionJson(v.version(), v.title(), v.changedBy(), v.changedAt());
        }
    }

    record VersionTextJson(UUID articleId, int version, String title, String body, String changedBy,
            Instant changedAt) {

        static VersionTextJson of(ArticleVersion v) {
            return new VersionTextJson(v.articleId(), v.version(), v.title(), v.body(), v.changedBy(), v.changedAt());
        }
    }

    @GetMapping
    @Operation(summary = "Articles, by title; every filter is optional",
            description = "q matches a piece of the title, case-insensitively")
    List<ArticleSummaryJson> list(@RequestParam(required = false) ArticleStatus status,
            @Parameter(description = "ISO 639-1 code, e.g. en") @RequestParam(required = false) String language,
            @RequestParam(required = false) ArticleAudience audience, @RequestParam(required = false) String q) {
        return articles.list(new Articles.Filter(status, language, audience, q)).stream()
            .map(ArticleSummaryJson::of)
            .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One article with its text and its translations (the original it translates, and the others)")
    ArticleJson get(@PathVariable UUID id) {
        Article article = find(id);
        return ArticleJson.of(article, articles.translations(article));
    }

    @PostMapping
    @Operation(summary = "Create an article as a draft (CURATOR or ADMIN); 409 when the slug is taken",
            description = "slug: lower-case letters, digits and single hyphens; language: ISO 639-1; audience PUBLIC "
                    + "(default) or INTERNAL (agents only); translationOf: the id of the original")
    ResponseEntity<ArticleJson> create(@RequestBody ArticleWriteJson body, Principal user) {
        Article created = write.create(body.draft(ArticleAudience.PUBLIC), user.getName());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id());
        return ResponseEntity.created(location).body(ArticleJson.of(created, articles.translations(created)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save a new version (CURATOR or ADMIN); a published article stays published",
            description = "Replaces every field. Send the version you edited as 'version' to get a 409 instead of "
                    + "overwriting someone else's save")
    ArticleJson update(@PathVariable UUID id, @RequestBody ArticleWriteJson body, Principal user) {
        Article saved = write.update(id, body.draft(null), body.version(), user.getName());
        return ArticleJson.of(saved, articles.translations(saved));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish: the article becomes searchable (CURATOR or ADMIN); publishing twice is harmless")
    ArticleJson publish(@PathVariable UUID id) {
        Article article = publish.publish(id);
        return ArticleJson.of(article, articles.translations(article));
    }

    @PostMapping("/{id}/unpublish")
    @Operation(summary = "Back to draft: the article leaves search (CURATOR or ADMIN)")
    ArticleJson unpublish(@PathVariable UUID id) {
        Article article = publish.unpublish(id);
        return ArticleJson.of(article, articles.translations(article));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The saved versions, oldest first: who saved each and when")
    List<VersionJson> versions(@PathVariable UUID id) {
        find(id);
        return articles.versions(id).stream().map(VersionJson::of).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "The title and text of one saved version")
    VersionTextJson version(@PathVariable UUID id, @PathVariable int version) {
        find(id);
        return VersionTextJson.of(articles.version(id, version)
            .orElseThrow(() -> ArticleProblems.notFound("Article " + id + " has no version " + version + ".")));
    }

    @PostMapping("/{id}/versions/{version}/restore")
    @Operation(summary = "Save an old version's title and text as the newest version (CURATOR or ADMIN)")
    ArticleJson restore(@PathVariable UUID id, @PathVariable int version, Principal user) {
        Article saved = write.restore(id, version, user.getName());
        return ArticleJson.of(saved, articles.translations(saved));
    }

    private Article find(UUID id) {
        return articles.findById(id).orElseThrow(() -> ArticleProblems.notFound(id));
    }
}
