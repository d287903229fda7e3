package dev.tandem.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of the knowledge base: articles as stored, drafts included. */
@Service
@Transactional(readOnly = true)
public class Articles {

    private final ArticleRepository articles;

    Articles(ArticleRepository articles) {
        this.articles = articles;
    }

    public Optional<Article> findById(UUID id) {
        return articles.findById(id);
    }

    public Optional<Article> findBySlug(String slug) {
        return articles.findBySlug(slug);
    }

    /**
     * What to list; a null criterion matches every article.
     *
     * @param titleContains a piece of the title, matched case-insensitively
     */
    public record Filter(ArticleStatus status, String language, ArticleAudience audience, String titleContains) {

        public static final Filter ALL = new Filter(null, null, null, null);

        public Filter {
            language = language == null || language.isBlank() ? null : language.strip().toLowerCase(java.util.Locale.ROOT);
            titleContains = titleContains == null || titleContains.isBlank() ? null : titleContains.strip();
        }
    }

    /**
     * The other language versions of an article: the original it translates (if it is a
     * translation) and every other translation of the same original.
     */
    public record Translations(Article original, List<Article> others) {
    }

    /** The articles that match, by title. */
    public List<Article> list(Filter filter) {
        return articles.find(filter);
    }

    public Translations translations(Article article) {
        if (article.translationOf() == null) {
            return new Translations(null, articles.findTranslationsOf(article.id()));
        }
        Article original = articles.findById(article.translationOf()).orElse(null);
        List<Article> siblings = articles.findTranslationsOf(article.translationOf()).stream()
            .filter(other -> !other.id().equals(article.id()))
            .toList();
        return new Translations(original, siblings);
    }

    public Optional<ArticleVersion> version(UUID id, int version) {
        return articles.version(id, version);
    }

    /** Every article, by slug. */
    public List<Article> list() {
        return articles.findAll();
    }

    public boolean isEmpty() {
        return articles.count() == 0;
    }

    /** The saved versions of an article, oldest first. */
    public List<ArticleVersion> versions(UUID id) {
        return articles.versions(id);
    }
}
