package dev.tandem.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo knowledge base ({@code src/main/resources/demo/knowledge}) as the index sees it once the demo
 * workspace imported and published it: parsed like an import, checked like a stored draft and its questions.
 */
final class DemoArticles {

    static final Path FOLDER = Path.of("src/main/resources/demo/knowledge");

    private DemoArticles() {
    }

    static List<KnowledgeArticle> asIndexed() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md")).sorted().map(DemoArticles::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("run this from the repository's root: " + FOLDER + " is not readable", e);
        }
    }

    private static KnowledgeArticle read(Path file) {
        try {
            ArticleFile parsed = ArticleFile.parse(file.getFileName().toString(), Files.readString(file));
            var stored = ArticleProblems.checked(new WriteArticle.Draft(parsed.slug(), parsed.title(), parsed.body(),
                    parsed.tags() == null ? List.of() : parsed.tags(), parsed.language() == null ? "en" : parsed.language(),
                    parsed.audience() == null ? ArticleAudience.PUBLIC : parsed.audience(), null));
            return new KnowledgeArticle(stored.slug(), stored.title(), stored.body(), stored.language(),
                    stored.audience() == ArticleAudience.INTERNAL,
                    List.copyOf(ArticleQuestions.checked(parsed.questions()).values()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
