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
