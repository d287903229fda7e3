package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.ErrorResponseException;

import dev.tandem.TandemTest;

/** Articles are versioned in the database, and the search index follows publication. */
@TandemTest
class ArticlesApiTest {

    @Autowired
    WriteArticle write;

    @Autowired
    PublishArticle publish;

    @Autowired
    Articles articles;

    @Autowired
    KnowledgeSearch search;

    @Test
    void savesVersionsAndTheIndexFollowsPublication() {
        String word = "zorbulated" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        var draft = new WriteArticle.Draft("kayak-" + UUID.randomUUID(), "Caring for your kayak",
                "Rinse the hull with fresh water after every trip.", List.of("kayak", "care"), "EN",
                ArticleAudience.PUBLIC, null);
        Article created = write.create(draft, "casey");
        assertThat(created.currentVersion()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(created.language()).isEqualTo("en");

        Article updated = write.update(created.id(), new WriteArticle.Draft(draft.slug(), draft.title(),
                "Rinse the hull with fresh water after every trip; a " + word + " hull needs wax.", draft.tags(), "en",
                ArticleAudience.PUBLIC, null), "sam");
        assertThat(updated.currentVersion()).isEqualTo(2);
        assertThat(articles.versions(created.id())).extracting(ArticleVersion::version, ArticleVersion::changedBy)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "casey"),
                    org.assertj.core.groups.Tuple.tuple(2, "sam"));
        assertThat(articles.findBySlug(draft.slug())).get().extracting(Article::body).asString().contains(word);
        assertThat(found(word, Audience.CUSTOMER, created.id())).isFalse();

        publish.publish(created.id());
        assertThat(articles.findById(created.id())).get().extracting(Article::status).isEqualTo(ArticleStatus.PUBLISHED);
        eventually(() -> found(word, Audience.CUSTOMER, created.id()));

        publish.unpublish(created.id());
        eventually(() -> !found(word, Audience.AGENT, created.id()));
    }

    @Test
    void internalArticlesAreForAgentsOnly() {
        String word = "quixoplank" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        Article internal = write.create(new WriteArticle.Draft("refund-override-" + UUID.randomUUID(),
                "Refund override for " + word, "Supervisors may override the " + word + " refund limit.", List.of(),
                "en", ArticleAudience.INTERNAL, null), "casey");
        publish.publish(internal.id());

        eventually(() -> found(word, Audience.AGENT, internal.id()));
        assertThat(found(word, Audience.CUSTOMER, internal.id())).isFalse();
    }

    @Test
    void refusesInvalidArticlesWithA400() {
        var tooLong = new WriteArticle.Draft("too-long-" + UUID.randomUUID(), "x".repeat(201), "y".repeat(100_001),
                List.of(), "english", null, null);
        assertThatThrownBy(() -> write.create(tooLong, "casey")).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getDetail()).contains("title must be 1 to 200", "body must be at most",
                            "language must be a two-letter", "audience must be PUBLIC or INTERNAL");
                });
        var blank = new WriteArticle.Draft("blank-" + UUID.randomUUID(), " ", "", List.of(), "en",
                ArticleAudience.PUBLIC, null);
        assertThatThrownBy(() -> write.create(blank, "casey")).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(400));

        var ok = new WriteArticle.Draft("taken-" + UUID.randomUUID(), "Taken", "", List.of(), "en",
                ArticleAudience.PUBLIC, null);
        write.create(ok, "casey");
        assertThatThrownBy(() -> write.create(ok, "casey")).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
    }

    @Test
    void aBodyAtTheLimitRoundTrips() {
        String body = "ä".repeat(99_998) + "\uD83E\uDDED"; // 100,000 UTF-16 characters, the last two one emoji
        Article created = write.create(new WriteArticle.Draft("long-" + UUID.randomUUID(), "Long ✓", body,
                List.of("größe", "🧭"), "de", ArticleAudience.PUBLIC, null), "casey");
        Article read = articles.findById(created.id()).orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(articles.versions(created.id())).singleElement().extracting(ArticleVersion::body).isEqualTo(body);
    }

    // Deep enough that the article counts as found even when other contexts' articles are indexed
    // too (the PostgreSQL run shares one schema, so the demo's 70 articles may be): a made-up word
    // has no meaning for the dense ranking, which may put other passages above it.
    private boolean found(String query, Audience audience, UUID id) {
        return search.search(query, "en", audience, 50).stream().anyMatch(p -> p.articleId().equals(id.toString()));
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
