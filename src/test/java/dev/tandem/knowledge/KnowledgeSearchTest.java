package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tandem.ai.Embeddings;

class KnowledgeSearchTest {

    private static final KnowledgeSearch search = new KnowledgeSearch(Embeddings.bundledModel());

    @BeforeAll
    static void index() {
        search.putAll(List.of(
                new KnowledgeArticle("refunds", "Refunds", """
                        ## Damaged items
                        If your parcel arrived damaged, we refund the full price within five working days.
                        """, "en", false),
                new KnowledgeArticle("refund-overrides", "Refund overrides for agents", """
                        Agents may refund damaged parcels above the limit with a supervisor's approval code.
                        """, "en", true),
                new KnowledgeArticle("horaires", "Horaires d'ouverture", "Nous sommes ouverts de 9 h à 18 h.", "fr",
                        false)));
    }

    @Test
    void customersNeverGetInternalArticles() {
        List<Passage> passages = search.search("refund for a damaged parcel", "en", Audience.CUSTOMER, 10);

        assertThat(passages).extracting(Passage::articleId).containsExactly("refunds");
        assertThat(passages.get(0).headingPath()).containsExactly("Damaged items");
        assertThat(passages.get(0).title()).isEqualTo("Refunds");
    }

    @Test
    void agentsAlsoGetInternalArticles() {
        assertThat(search.search("refund for a damaged parcel", "en", Audience.AGENT, 10))
            .extracting(Passage::articleId).containsExactlyInAnyOrder("refunds", "refund-overrides");
    }

    @Test
    void eachLanguageSearchesItsOwnArticles() {
        assertThat(search.search("heures d'ouverture", "fr", Audience.CUSTOMER, 5))
            .extracting(Passage::articleId).containsExactly("horaires");
        assertThat(search.search("anything", "de", Audience.CUSTOMER, 5)).isEmpty();
    }

    @Test
    void aRepublishedArticleReplacesItsOldTextAndAnUnpublishedOneDisappears() {
        KnowledgeSearch own = new KnowledgeSearch(Embeddings.bundledModel());
        own.putAll(List.of(new KnowledgeArticle("a", "Gift cards", "Gift cards never expire.", "en", false)));
        own.putAll(List.of(new KnowledgeArticle("a", "Gift cards", "Gift cards expire after two years.", "en", false)));

        assertThat(own.search("gift card expiry", "en", Audience.CUSTOMER, 5))
            .singleElement().satisfies(p -> assertThat(p.text()).contains("two years"));

        own.remove("a");
        assertThat(own.search("gift card expiry", "en", Audience.CUSTOMER, 5)).isEmpty();
    }
}
