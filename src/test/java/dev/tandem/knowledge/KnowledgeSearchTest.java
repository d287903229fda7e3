package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tandem.ai.Embeddings;

class KnowledgeSearchTest {

    private static final KnowledgeSearch search = new KnowledgeSearch(Embeddings.bundledModel(), ChunkVectorStore.inMemory(),
            RetrievalSettings.CHOSEN);

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
        KnowledgeSearch own = new KnowledgeSearch(Embeddings.bundledModel(), ChunkVectorStore.inMemory(),
            RetrievalSettings.CHOSEN);
        own.putAll(List.of(new KnowledgeArticle("a", "Gift cards", "Gift cards never expire.", "en", false)));
        own.putAll(List.of(new KnowledgeArticle("a", "Gift cards", "Gift cards expire after two years.", "en", false)));

        assertThat(own.search("gift card expiry", "en", Audience.CUSTOMER, 5))
            .singleElement().satisfies(p -> assertThat(p.text()).contains("two years"));

        own.remove("a");
        assertThat(own.search("gift card expiry", "en", Audience.CUSTOMER, 5)).isEmpty();
    }

    static final KnowledgeArticle WASHING = new KnowledgeArticle("washing", "Washing a down jacket", """
            ## Before you start
            Close every zip and popper, empty the pockets, and turn the jacket inside out so that the
            shell is protected. Use a front-loading machine: the agitator of a top loader can tear the
            baffles and clump the down, which is hard to undo once it has happened at all.

            ## Washing
            Wash at thirty degrees on a gentle cycle with a detergent made for down, never softener or
            ordinary powder, which strip the natural oils the down needs to loft. Rinse twice so that no
            detergent stays in the filling, and spin slowly to take out as much water as you can.

            ## Drying
            Tumble dry on low heat with two clean tennis balls for two to three hours, taking the jacket
            out every half hour to break up clumps by hand. It is dry when the down is light and even and
            no cold damp patches remain anywhere in the baffles or the hood.
            """, "en", false);

    @Test
    void vectorsEmbeddedOnceAreReusedByEveryLaterBuild() {
        ChunkVectorStore store = ChunkVectorStore.inMemory();
        KnowledgeSearch first = new KnowledgeSearch(Embeddings.bundledModel(), store, RetrievalSettings.CHOSEN);
        KnowledgeSearch.Indexed built = first.putAll(List.of(WASHING));
        assertThat(built.vectorsEmbedded()).isEqualTo(4); // three sections and the title
        assertThat(built.vectorsReused()).isZero();

        // another node, or the next start: nothing to embed, and the same search
        KnowledgeSearch restarted = new KnowledgeSearch(Embeddings.bundledModel(), store, RetrievalSettings.CHOSEN);
        KnowledgeSearch.Indexed rebuilt = restarted.putAll(List.of(WASHING));
        assertThat(rebuilt.vectorsEmbedded()).isZero();
        assertThat(rebuilt.vectorsReused()).isEqualTo(4);
        assertThat(restarted.search("how do I dry my down jacket", "en", Audience.CUSTOMER, 3))
            .usingRecursiveFieldByFieldElementComparator()
            .isEqualTo(first.search("how do I dry my down jacket", "en", Audience.CUSTOMER, 3));
    }

    @Test
    void aChangedArticleEmbedsOnlyItsChangedChunks() {
        KnowledgeSearch own = new KnowledgeSearch(Embeddings.bundledModel(), ChunkVectorStore.inMemory(),
                RetrievalSettings.CHOSEN);
        own.putAll(List.of(WASHING));

        KnowledgeArticle changed = new KnowledgeArticle(WASHING.id(), WASHING.title(),
                WASHING.body().replace("thirty degrees", "forty degrees"), "en", false);
        KnowledgeSearch.Indexed indexed = own.putAll(List.of(changed));

        assertThat(indexed.vectorsEmbedded()).isEqualTo(1);
        assertThat(indexed.vectorsReused()).isEqualTo(3);
        assertThat(own.search("washing temperature", "en", Audience.CUSTOMER, 5))
            .anySatisfy(p -> assertThat(p.text()).contains("forty degrees"))
            .noneSatisfy(p -> assertThat(p.text()).contains("thirty degrees"));
    }

    @Test
    void aVectorIsStoredAsItsFloat32Bytes() {
        float[] vector = { 0.5f, -1.25f, Float.MIN_VALUE, 3.4028235e38f };
        byte[] bytes = ChunkVectorStore.bytes(vector);
        assertThat(bytes).hasSize(16).startsWith(0, 0, 0, 0x3f); // 0.5f little-endian
        assertThat(ChunkVectorStore.vector(bytes)).containsExactly(vector);
    }
}
