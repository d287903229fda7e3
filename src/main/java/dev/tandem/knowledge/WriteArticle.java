package dev.tandem.knowledge;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Creates an article (as a draft) or changes one. Every save appends an {@link ArticleVersion}
 * naming who saved it; saving a published article publishes {@link ArticlePublished} again so the
 * index picks up the new text.
 */
@Service
public class WriteArticle {

    /**
     * What an author writes.
     *
     * @param tags free keywords, each 1-50 characters
     * @param language ISO 639-1 code
     * @param translationOf the id of the original this article translates, or null
     */
    public record Draft(String slug, String title, String body, List<String> tags, String language,
            ArticleAudience audience, UUID translationOf) {
    }

    /** Time-ordered UUIDv7: primary-key indexes grow at their end, ids sort by creation time. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final ArticleRepository articles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WriteArticle(ArticleRepository articles, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Article create(Draft draft, String by) {
        Draft checked = ArticleProblems.checked(draft);
        checkTranslationOf(checked.translationOf(), null);
        if (articles.findBySlug(checked.slug()).isPresent()) {
            throw slugTaken(checked.slug());
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var article = new Article(IDS.generate(), checked.slug(), checked.title(), checked.body(), checked.tags(),
                checked.language(), checked.audience(), ArticleStatus.DRAFT, checked.translationOf(), 1, now, now);
        try {
            articles.insert(article);
        } catch (DuplicateKeyException e) {
            throw slugTaken(checked.slug());
        }
        articles.insertVersion(new ArticleVersion(article.id(), 1, article.title(), article.body(), by(by), now));
        return article;
    }

    /** Saves a new version; a published article stays published and is re-indexed. */
    @Transactional
    public Article update(UUID id, Draft draft, String by) {
        return update(id, draft, null, by);
    }

    /**
     * As {@link #update(UUID, Draft, String)}, refused with a 409 when the article is no longer at
     * {@code expectedVersion}: the author edited a state someone else has since changed.
     *
     * @param expectedVersion the version the author started from, or null to save over whatever is there
     */
    @Transactional
    public Article update(UUID id, Draft draft, Integer expectedVersion, String by) {
        Draft checked = ArticleProblems.checked(draft);
        Article current = articles.findById(id).orElseThrow(() -> ArticleProblems.notFound(id));
        if (expectedVersion != null && expectedVersion != current.currentVersion()) {
            throw ArticleProblems.conflict("The article was changed since you opened it: you edited version "
                    + expectedVersion + ", it is now at version " + current.currentVersion()
                    + ". Reload it and apply your change again.");
        }
        checkTranslationOf(checked.translationOf(), id);
        if (!checked.slug().equals(current.slug()) && articles.findBySlug(checked.slug()).isPresent()) {
            throw slugTaken(checked.slug());
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int version = current.currentVersion() + 1;
        var changed = new Article(id, checked.slug(), checked.title(), checked.body(), checked.tags(),
                checked.language(), checked.audience(), current.status(), checked.translationOf(), version,
                current.createdAt(), now);
        int updated;
        try {
            updated = articles.update(changed, current.currentVersion());
        } catch (DuplicateKeyException e) {
            throw slugTaken(checked.slug());
        }
        if (updated == 0) {
            throw ArticleProblems.conflict("The article changed at the same moment; look again and retry.");
        }
        articles.insertVersion(new ArticleVersion(id, version, changed.title(), changed.body(), by(by), now));
        if (changed.status() == ArticleStatus.PUBLISHED) {
            events.publishEvent(new ArticlePublished(id, changed.slug(), changed.language(), version));
        }
        return changed;
    }

    /** Saves an old version's title and text as the newest version; everything else stays as it is. */
    @Transactional
    public Article restore(UUID id, int version, String by) {
        Article current = articles.findById(id).orElseThrow(() -> ArticleProblems.notFound(id));
        ArticleVersion old = articles.version(id, version)
            .orElseThrow(() -> ArticleProblems.notFound("Article " + id + " has no version " + version + "."));
        return update(id, new Draft(current.slug(), old.title(), old.body(), current.tags(), current.language(),
                current.audience(), current.translationOf()), current.currentVersion(), by);
    }

    private void checkTranslationOf(UUID translationOf, UUID self) {
        if (translationOf == null) {
            return;
        }
        if (translationOf.equals(self)) {
            throw ArticleProblems.invalid("An article cannot be a translation of itself.");
        }
        Article original = articles.findById(translationOf)
            .orElseThrow(() -> ArticleProblems.invalid("translationOf names no article: " + translationOf + "."));
        // one original with its translations around it: links between translations then stay one step
        if (original.translationOf() != null) {
            throw ArticleProblems.invalid("translationOf must name the original, not another translation: '"
                    + original.slug() + "' translates another article.");
        }
        if (self != null && !articles.findTranslationsOf(self).isEmpty()) {
            throw ArticleProblems.invalid("This article is the original of translations, so it cannot itself be a "
                    + "translation.");
        }
    }

    private static String by(String by) {
        if (by == null || by.isBlank() || by.length() > 100) {
            throw ArticleProblems.invalid("Who changed the article must be named (1 to 100 characters).");
        }
        return by;
    }

    private static RuntimeException slugTaken(String slug) {
        return ArticleProblems.conflict("Another article already has the slug '" + slug + "'.");
    }
}
