package dev.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownChunkerTest {

    private final MarkdownChunker chunker = new MarkdownChunker(10, 40);

    private static String words(String word, int n) {
        return String.join(" ", java.util.Collections.nCopies(n, word));
    }

    private List<Chunk> chunk(String body) {
        return chunker.chunk(new KnowledgeArticle("a1", "Returns", body, "en", false));
    }

    @Test
    void headingsStartNewChunksAndTravelWithThem() {
        List<Chunk> chunks = chunk("""
                Intro paragraph with %s.

                ## Shipping
                %s

                ### Abroad
                %s

                ## Refunds
                %s
                """.formatted(words("intro", 12), words("ship", 15), words("abroad", 15), words("refund", 15)));

        assertThat(chunks).extracting(Chunk::headingPath).containsExactly(List.of(), List.of("Shipping"),
                List.of("Shipping", "Abroad"), List.of("Refunds"));
        assertThat(chunks.get(2).text()).startsWith("abroad").doesNotContain("ship ");
        assertThat(chunks).allSatisfy(c -> assertThat(c.title()).isEqualTo("Returns"));
        assertThat(chunks.get(2).embeddingText()).startsWith("Returns\nShipping > Abroad\nabroad");
    }

    @Test
    void smallParagraphsOfOneSectionArePackedUpToTheMaximum() {
        List<Chunk> chunks = chunk(words("a", 15) + "\n\n" + words("b", 15) + "\n\n" + words("c", 15));

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).text()).isEqualTo(words("a", 15) + "\n\n" + words("b", 15));
        assertThat(chunks.get(1).text()).isEqualTo(words("c", 15));
    }

    @Test
    void aShortTailJoinsTheChunkBeforeIt() {
        List<Chunk> chunks = chunk(words("a", 35) + "\n\n" + words("b", 5));

        assertThat(chunks).singleElement().satisfies(c -> assertThat(MarkdownChunker.words(c.text())).isEqualTo(40));
    }

    @Test
    void aLongParagraphIsSplitAtSentenceEnds() {
        String sentence = words("word", 14) + " end.";
        List<Chunk> chunks = chunk(String.join(" ", sentence, sentence, sentence, sentence, sentence));

        assertThat(chunks).hasSize(3);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(MarkdownChunker.words(c.text())).isLessThanOrEqualTo(40 + 10);
            assertThat(c.text()).endsWith("end.");
        });
    }

    @Test
    void aListStaysTogetherAcrossBlankLinesBetweenItems() {
        List<Chunk> chunks = new MarkdownChunker(1, 30).chunk(new KnowledgeArticle("a", "T", """
                - first item
                - second item

                - third item
                without a blank line before it this line continues the item.

                A paragraph of its own here.
                """, "en", false));

        assertThat(chunks).singleElement().extracting(Chunk::text).isEqualTo(
                "- first item\n- second item\n- third item\nwithout a blank line before it this line continues the item."
                        + "\n\nA paragraph of its own here.");
    }

    @Test
    void aLongListIsSplitBetweenItems() {
        List<Chunk> chunks = new MarkdownChunker(1, 8).chunk(new KnowledgeArticle("a", "T", """
                - one two three
                - four five six
                - seven eight nine
                """, "en", false));

        assertThat(chunks).extracting(Chunk::text).containsExactly("- one two three\n- four five six",
                "- seven eight nine");
    }

    @Test
    void codeBlocksAreKeptWhole() {
        List<Chunk> chunks = new MarkdownChunker(1, 5).chunk(new KnowledgeArticle("a", "T", """
                Run this:

                ```
                curl -X POST https://example.org/api/reset --data 'user=me' --fail

                echo done
                ```
                """, "en", false));

        assertThat(chunks).extracting(Chunk::text).contains(
                "```\ncurl -X POST https://example.org/api/reset --data 'user=me' --fail\n\necho done\n```");
    }

    @Test
    void anArticleWithATitleOnlyIsOneEmptyChunk() {
        assertThat(chunk("")).singleElement().satisfies(c -> {
            assertThat(c.text()).isEmpty();
            assertThat(c.embeddingText()).isEqualTo("Returns");
        });
    }

    @Test
    void internalArticlesGiveInternalChunks() {
        assertThat(chunker.chunk(new KnowledgeArticle("a", "T", "text", "en", true)))
            .allSatisfy(c -> assertThat(c.internal()).isTrue());
    }
}
