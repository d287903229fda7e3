package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.conversation.Citation;

/** Which of the articles offered a reply picks: the title the widget posts, or what a customer types. */
class ChosenArticleTest {

    private final List<Citation> offered = List.of(new Citation("1", "Return an item", null, null),
            new Citation("2", "Exchange an item for a different size or colour", null, null));

    @Test
    void theTitleOfTheButtonOrItsNumberPicksIt() {
        assertThat(ChosenArticle.in(offered, "Return an item")).map(Citation::articleId).contains("1");
        assertThat(ChosenArticle.in(offered, "  exchange an item for a different size or colour. ")).map(Citation::articleId)
            .contains("2");
        assertThat(ChosenArticle.in(offered, "2")).map(Citation::articleId).contains("2");
        assertThat(ChosenArticle.in(offered, "the first one")).map(Citation::articleId).contains("1");
    }

    @Test
    void anythingElseIsANewQuestion() {
        assertThat(ChosenArticle.in(offered, "how long do refunds take?")).isEmpty();
        assertThat(ChosenArticle.in(offered, "3")).isEmpty();
    }
}
