package dev.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.tandem.knowledge.ArticleAudience;
import dev.tandem.knowledge.ArticleFile;

class DemoKnowledgeBaseTest {

    @Test
    void everyDemoArticleParsesAndEveryTranslationHasItsOriginal() {
        List<ArticleFile> demo = DemoKnowledgeBase.load().stream()
            .map(file -> ArticleFile.parse(file.name(), new String(file.content(), StandardCharsets.UTF_8)))
            .toList();
        assertThat(demo).hasSize(70);
        Set<String> slugs = demo.stream().map(ArticleFile::slug).collect(Collectors.toSet());
        assertThat(demo).allSatisfy(a -> {
            assertThat(a.title()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(a.body()).isNotBlank().doesNotStartWith("---");
            assertThat(a.language()).matches("[a-z]{2}");
            assertThat(a.audience()).isNotNull();
            if (a.translationOf() != null) {
                assertThat(slugs).contains(a.translationOf());
            }
        });
        assertThat(demo).filteredOn(a -> a.audience() == ArticleAudience.INTERNAL).hasSize(5);
        assertThat(demo).filteredOn(a -> a.translationOf() != null).hasSize(8);
    }
}
