package dev.tandem.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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

import dev.tandem.knowledge.Articles;
import dev.tandem.knowledge.ImportKnowledge;

/**
 * First start with no articles: Northwind Outfitters' knowledge base, the Markdown files in
 * {@code classpath:demo/knowledge} (YAML front matter, then the body; a file's name is its slug),
 * imported and published through {@link ImportKnowledge} like any curator's files. Only database
 * inserts happen here; the articles are indexed in the background, through the publication events.
 * {@code TANDEM_DEMO=false} turns it off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@ConditionalOnProperty(name = "tandem.demo", havingValue = "true", matchIfMissing = true)
class DemoKnowledgeBase implements ApplicationRunner {

    static final String LOCATION = "classpath:demo/knowledge/*.md";
    private static final Logger log = LoggerFactory.getLogger(DemoKnowledgeBase.class);

    private final Articles articles;
    private final ImportKnowledge importer;

    DemoKnowledgeBase(Articles articles, ImportKnowledge importer) {
        this.articles = articles;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!articles.isEmpty()) {
            return;
        }
        var report = importer.importFiles(load(), new ImportKnowledge.Options(true, null, null), "demo");
        if (report.hasFailures()) {
            throw new IllegalStateException("The demo knowledge base did not import: " + report.files());
        }
        log.info("Demo knowledge base: {} articles imported; indexing them in the background",
                report.count(ImportKnowledge.Outcome.CREATED));
    }

    static List<ImportKnowledge.NamedFile> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<ImportKnowledge.NamedFile> demo = new ArrayList<>();
            for (Resource file : files) {
                demo.add(new ImportKnowledge.NamedFile(file.getFilename(), file.getContentAsByteArray()));
            }
            return demo;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the demo knowledge base", e);
        }
    }
}
