package dev.tandem.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.Yaml;

import dev.tandem.knowledge.Article;
import dev.tandem.knowledge.ArticleAudience;
import dev.tandem.knowledge.Articles;
import dev.tandem.knowledge.PublishArticle;
import dev.tandem.knowledge.WriteArticle;

/**
 * First start with no articles: Northwind Outfitters' knowledge base, the Markdown files in
 * {@code classpath:demo/knowledge} (YAML front matter, then the body; a file's name is its slug).
 * Only database inserts happen here; the articles are indexed in the background, through the
 * publication events. {@code TANDEM_DEMO=false} turns it off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@ConditionalOnProperty(name = "tandem.demo", havingValue = "true", matchIfMissing = true)
class DemoKnowledgeBase implements ApplicationRunner {

    static final String LOCATION = "classpath:demo/knowledge/*.md";
    private static final Logger log = LoggerFactory.getLogger(DemoKnowledgeBase.class);

    private final Articles articles;
    private final WriteArticle write;
    private final PublishArticle publish;
    private final TransactionTemplate transactions;

    DemoKnowledgeBase(Articles articles, WriteArticle write, PublishArticle publish, TransactionTemplate transactions) {
        this.articles = articles;
        this.write = write;
        this.publish = publish;
        this.transactions = transactions;
    }

    /** One demo file: the slug of the original it translates, if any, and the article. */
    record DemoArticle(String translationOf, WriteArticle.Draft draft) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!articles.isEmpty()) {
            return;
        }
        List<DemoArticle> demo = load();
        transactions.executeWithoutResult(tx -> seed(demo));
        log.info("Demo knowledge base: {} articles imported; indexing them in the background", demo.size());
    }

    private void seed(List<DemoArticle> demo) {
        Map<String, UUID> ids = new HashMap<>();
        // originals first, so that every translation can point at its original
        List<DemoArticle> ordered = new ArrayList<>(demo);
        ordered.sort(Comparator.comparing((DemoArticle a) -> a.translationOf() != null)
            .thenComparing(a -> a.draft().slug()));
        for (DemoArticle article : ordered) {
            WriteArticle.Draft draft = article.draft();
            UUID original = null;
            if (article.translationOf() != null) {
                original = ids.get(article.translationOf());
                if (original == null) {
                    throw new IllegalStateException(
                            draft.slug() + " translates " + article.translationOf() + ", which is not a demo article");
                }
            }
            Article created = write.create(new WriteArticle.Draft(draft.slug(), draft.title(), draft.body(),
                    draft.tags(), draft.language(), draft.audience(), original), "demo");
            publish.publish(created.id());
            ids.put(created.slug(), created.id());
        }
    }

    static List<DemoArticle> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<DemoArticle> demo = new ArrayList<>();
            for (Resource file : files) {
                String name = file.getFilename();
                demo.add(parse(name.substring(0, name.length() - ".md".length()),
                        file.getContentAsString(StandardCharsets.UTF_8)));
            }
            return demo;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the demo knowledge base", e);
        }
    }

    static DemoArticle parse(String slug, String text) {
        String content = text.replace("\r\n", "\n");
        if (!content.startsWith("---\n")) {
            throw new IllegalStateException(slug + ".md has no front matter");
        }
        int end = content.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalStateException(slug + ".md: the front matter does not end");
        }
        Map<String, Object> front = new Yaml().load(content.substring(4, end));
        String body = content.substring(end + "\n---\n".length()).strip();
        List<String> tags = new ArrayList<>();
        if (front.get("tags") instanceof List<?> list) {
            list.forEach(tag -> tags.add(String.valueOf(tag)));
        }
        ArticleAudience audience = ArticleAudience.valueOf(
                String.valueOf(front.getOrDefault("audience", "public")).toUpperCase(Locale.ROOT));
        Object translationOf = front.get("translation-of");
        return new DemoArticle(translationOf == null ? null : String.valueOf(translationOf),
                new WriteArticle.Draft(slug, String.valueOf(front.get("title")), body, tags,
                        String.valueOf(front.getOrDefault("language", "en")), audience, null));
    }
}
