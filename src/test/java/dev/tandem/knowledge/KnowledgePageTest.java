package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.FormSession;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/** The curator's pages render, save through forms with CSRF, and are read-only for agents. */
@TandemTest
class KnowledgePageTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    Articles articles;

    @Autowired
    WriteArticle write;

    FormSession curator;
    FormSession agent;
    String id;

    @BeforeEach
    void signIn() {
        var test = new TestAccounts(accounts, teams);
        curator = FormSession.signIn(port, test.curator().username(), TestAccounts.PASSWORD);
        agent = FormSession.signIn(port, test.agent().username(), TestAccounts.PASSWORD);
        id = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCuratorWritesPublishesAndRestoresThroughThePages() {
        assertThat(curator.get("/knowledge").body()).contains("New article", "Try a question", "href=\"/knowledge\"");
        assertThat(curator.get("/knowledge/new").statusCode()).isEqualTo(200);

        var refused = curator.submit("/knowledge", Map.of("slug", "Bad Slug", "title", "", "body", "x",
                "language", "en", "audience", "PUBLIC"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The article is not valid", "Bad Slug");

        String slug = "store-a-stove-" + id;
        var created = curator.submit("/knowledge", Map.of("slug", slug, "title", "Store a stove", "body",
                "## Fuel\n\nEmpty the bottle.", "tags", "stoves, storage", "language", "en", "audience", "PUBLIC"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Article article = articles.findBySlug(slug).orElseThrow();
        assertThat(article.tags()).containsExactly("stoves", "storage");
        String page = curator.get("/knowledge/" + article.id()).body();
        assertThat(page).contains("Created the draft Store a stove", "<h2>Fuel</h2>", "Publish", "Version <span>1</span>");

        var saved = curator.submit("/knowledge/" + article.id(), Map.of("slug", slug, "title", "Store a camping stove",
                "body", "## Fuel\n\nEmpty the bottle first.", "tags", "stoves", "language", "en", "audience", "PUBLIC",
                "version", "1"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var stale = curator.submit("/knowledge/" + article.id(), Map.of("slug", slug, "title", "Old", "body", "x",
                "language", "en", "audience", "PUBLIC", "version", "1"));
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.body()).contains("changed since you opened it");

        assertThat(curator.submit("/knowledge/" + article.id() + "/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(articles.findById(article.id()).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(curator.get("/knowledge/" + article.id()).body()).contains("Unpublish", "Save and update the live article");

        assertThat(curator.get("/knowledge/" + article.id() + "/versions/1").body()).contains("Store a stove",
                "Restore as a new version");
        assertThat(curator.submit("/knowledge/" + article.id() + "/versions/1/restore", Map.of()).statusCode())
            .isEqualTo(302);
        assertThat(articles.findById(article.id()).orElseThrow().title()).isEqualTo("Store a stove");
        assertThat(curator.get("/knowledge?q=camping+stove").body()).doesNotContain(slug);
        assertThat(curator.get("/knowledge?q=store+a+stove&status=PUBLISHED&language=en").body()).contains(slug);
    }

    @Test
    void thePreviewEscapesRawHtmlAndUnsafeLinks() {
        curator.get("/knowledge/new");
        var preview = curator.submit("/knowledge/preview", Map.of("body",
                "# Hi\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[click](javascript:alert) [ok](https://example.com/)"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<h1>Hi</h1>", "&lt;script&gt;", "&lt;img")
            .contains("href=\"https://example.com/\"").doesNotContain("<script>", "<img", "javascript:");
    }

    @Test
    void translationsLinkBothWaysAndTheAskBoxAnswers() {
        Article original = write.create(new WriteArticle.Draft("pack-a-bag-" + id, "Pack a bag", "Heavy items low.",
                List.of(), "en", ArticleAudience.PUBLIC, null), "casey");
        Article german = write.create(new WriteArticle.Draft("rucksack-packen-" + id, "Rucksack packen",
                "Schweres unten.", List.of(), "de", ArticleAudience.PUBLIC, original.id()), "casey");
        assertThat(agent.get("/knowledge/" + original.id()).body()).contains("Rucksack packen",
                "/knowledge/" + german.id());
        assertThat(agent.get("/knowledge/" + german.id()).body()).contains("Translates", "/knowledge/" + original.id());

        var answers = agent.get("/knowledge/ask?q=how+to+pack&language=en&audience=agent");
        assertThat(answers.statusCode()).isEqualTo(200);
        var bad = agent.get("/knowledge/ask?q=x&language=english");
        assertThat(bad.body()).contains("two-letter");
    }

    @Test
    void agentsReadButCannotEditAndFormsNeedTheCsrfToken() {
        Article article = write.create(new WriteArticle.Draft("read-only-" + id, "Read only", "Text.", List.of(), "en",
                ArticleAudience.PUBLIC, null), "casey");
        String list = agent.get("/knowledge").body();
        assertThat(list).contains("Read only").doesNotContain("New article", "Import files");
        String page = agent.get("/knowledge/" + article.id()).body();
        assertThat(page).contains("Article (read only)", "disabled").doesNotContain("Save draft", ">Publish<");
        assertThat(agent.submit("/knowledge/" + article.id(), Map.of("slug", "read-only-" + id, "title", "Changed",
                "body", "x", "language", "en", "audience", "PUBLIC")).statusCode()).isEqualTo(403);
        assertThat(agent.submit("/knowledge/" + article.id() + "/publish", Map.of()).statusCode()).isEqualTo(403);
        assertThat(agent.get("/knowledge/import").statusCode()).isEqualTo(200);
        assertThat(curator.submitWithoutCsrf("/knowledge/" + article.id() + "/publish", Map.of()).statusCode())
            .isEqualTo(403);
        assertThat(articles.findById(article.id()).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void theImportPageUploadsAndShowsTheReport() {
        curator.get("/knowledge/import");
        var response = curator.upload("/knowledge/import", "files", "page-import-" + id + ".md",
                "---\ntitle: Imported from the page\n---\nHello.".getBytes(StandardCharsets.UTF_8),
                Map.of("publish", "true", "language", "en"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("1 created", "page-import-" + id, "version 1, published");
        assertThat(articles.findBySlug("page-import-" + id).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
    }
}
