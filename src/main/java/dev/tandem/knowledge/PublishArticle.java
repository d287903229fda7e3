package dev.tandem.knowledge;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes an article searchable, or takes it back to draft. Doing either twice is harmless. */
@Service
public class PublishArticle {

    private final ArticleRepository articles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublishArticle(ArticleRepository articles, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Article publish(UUID id) {
        Article article = articles.findById(id).orElseThrow(() -> ArticleProblems.notFound(id));
        if (articles.changeStatus(id, ArticleStatus.DRAFT, ArticleStatus.PUBLISHED, now()) == 1) {
            events.publishEvent(new ArticlePublished(id, article.slug(), article.language(), article.currentVersion()));
        }
        return articles.findById(id).orElseThrow();
    }

    @Transactional
    public Article unpublish(UUID id) {
        articles.findById(id).orElseThrow(() -> ArticleProblems.notFound(id));
        if (articles.changeStatus(id, ArticleStatus.PUBLISHED, ArticleStatus.DRAFT, now()) == 1) {
            events.publishEvent(new ArticleUnpublished(id));
        }
        return articles.findById(id).orElseThrow();
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
