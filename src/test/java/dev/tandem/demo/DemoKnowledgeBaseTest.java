package dev.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.tandem.knowledge.ArticleAudience;

class DemoKnowledgeBaseTest {

    @Test
    void everyDemoArticleParsesAndEveryTranslationHasItsOriginal() {
        List<DemoKnowledgeBase.DemoArticle> demo = DemoKnowledgeBase.load();
        assertThat(demo).hasSize(70);
        Set<String> slugs = demo.stream().map(a -> a.draft().slug()).collect(Collectors.toSet());
        assertThat(demo).allSatisfy(a -> {
            assertThat(a.draft().title()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(a.draft().body()).isNotBlank().doesNotStartWith("---");
            assertThat(a.draft().language()).matches("[a-z]{2}");
            if (a.translationOf() != null) {
                assertThat(slugs).contains(a.translationOf());
            }
        });
        assertThat(demo).filteredOn(a -> a.draft().audience() == ArticleAudience.INTERNAL).hasSize(5);
    }
}
