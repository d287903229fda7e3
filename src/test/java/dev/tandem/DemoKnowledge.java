package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.tandem.knowledge.Audience;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;

/** The Northwind demo articles, published and indexed, as on a first start of the demo workspace. */
public final class DemoKnowledge {

    private DemoKnowledge() {
    }

    public static void ensureIndexed(KnowledgeSearch knowledge, ImportKnowledge importer) throws Exception {
        if (!knowledge.answersCustomersIn("es")) {
            // the demo seeds these on a first start; on a database an earlier test already wrote to,
            // importing them again is what a curator would do (unchanged articles stay as they are)
            importer.importFiles(files(), new ImportKnowledge.Options(true, null, null), "test");
        }
        // the articles are indexed in the background
        for (int waited = 0; !indexed(knowledge); waited++) {
            assertThat(waited).as("the demo knowledge base is indexed within two minutes").isLessThan(1_200);
            Thread.sleep(100);
        }
    }

    private static boolean indexed(KnowledgeSearch knowledge) {
        var found = knowledge.search("reset password", "en", Audience.CUSTOMER, 1);
        return knowledge.answersCustomersIn("es") && knowledge.answersCustomersIn("fr")
                && knowledge.answersCustomersIn("de") && !found.isEmpty()
                && found.get(0).title().equals("Reset your password");
    }

    private static List<ImportKnowledge.NamedFile> files() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/demo/knowledge"))) {
            List<ImportKnowledge.NamedFile> named = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                named.add(new ImportKnowledge.NamedFile(file.getFileName().toString(), Files.readAllBytes(file)));
            }
            return named;
        }
    }
}
