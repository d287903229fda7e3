package dev.tandem.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.tandem.knowledge.ArticleAudience;
import dev.tandem.knowledge.Articles;
import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.KnowledgeSearch;
import dev.tandem.knowledge.Passage;

/**
 * The knowledge beside a training session, as an agent would search it: the knowledge module's public search
 * (internal articles included), one passage per article with its help-centre link to share. The assist module's
 * panel is built for real conversations and has no public API for a text alone, so the sandbox searches directly.
 */
@Component
class TrainingKnowledge {

    private static final int SHOWN = 4;

    private final KnowledgeSearch search;
    private final Articles articles;

    TrainingKnowledge(KnowledgeSearch search, Articles articles) {
        this.search = search;
        this.articles = articles;
    }

    List<TrainingJson.PassageJson> search(String query, String language) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.length() > 500 ? query.substring(0, 500) : query;
        List<TrainingJson.PassageJson> shown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Passage passage : search.search(q, language, Audience.AGENT, SHOWN * 3)) {
            if (shown.size() == SHOWN || !seen.add(passage.articleId())) {
                continue;
            }
            String url = slug(passage.articleId());
            String text = passage.text().replaceAll("\\s+", " ").strip();
            shown.add(new TrainingJson.PassageJson(passage.articleId(), passage.title(), url,
                    text.length() <= 320 ? text : text.substring(0, 319) + "…"));
        }
        return shown;
    }

    private String slug(String articleId) {
        try {
            // internal articles are for agents only: nothing to share with a customer
            return articles.findById(UUID.fromString(articleId)).filter(a -> a.audience() == ArticleAudience.PUBLIC)
                .map(a -> "/help/" + a.slug()).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
