package dev.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.channel.WidgetInboxes;
import dev.tandem.conversation.ConversationFilter;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.identity.CurrentUsers;
import dev.tandem.identity.Team;
import dev.tandem.identity.UserDirectory;
import dev.tandem.knowledge.Article;
import dev.tandem.knowledge.ArticleStatus;
import dev.tandem.knowledge.Articles;
import dev.tandem.understanding.ClassifyIntent;

/** First start with an empty database seeds the Northwind Outfitters workspace. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = { "tandem.demo=true", "TANDEM_DEMO_PASSWORD=demo-password-for-tests" })
class DemoModuleTest {

    @Autowired
    UserDirectory directory;

    @Autowired
    CurrentUsers currentUsers;

    @Autowired
    ConversationQueries conversations;

    @Autowired
    WidgetInboxes inboxes;

    @Autowired
    Articles articles;

    @Autowired
    ClassifyIntent classifyIntent;

    @Test
    void seedsTheSupportTeamTheirConversationsAndTheWidget() {
        assertThat(directory.teams()).extracting(Team::name).containsExactly("Billing", "General");
        assertThat(directory.users()).extracting(u -> u.username())
            .contains("admin", "sam", "casey", "alice", "bruno", "chloe");

        var supervisor = currentUsers.byUsername("sam").orElseThrow();
        assertThat(conversations.count(supervisor, ConversationFilter.withStatus(ConversationStatus.QUEUED))).isEqualTo(3);
        assertThat(conversations.count(supervisor, ConversationFilter.withStatus(ConversationStatus.ASSIGNED))).isEqualTo(1);
        assertThat(conversations.count(supervisor, ConversationFilter.withStatus(ConversationStatus.RESOLVED))).isEqualTo(1);

        var chloe = currentUsers.byUsername("chloe").orElseThrow();
        assertThat(conversations.count(chloe, ConversationFilter.open())).as("Billing sees only its own").isEqualTo(1);

        assertThat(inboxes.primary().companyName()).isEqualTo("Northwind Outfitters");
    }

    @Test
    void importsTheKnowledgeBasePublishedWithTranslationsLinked() {
        assertThat(articles.list()).hasSize(70).allSatisfy(a -> assertThat(a.status()).isEqualTo(ArticleStatus.PUBLISHED));
        Article original = articles.findBySlug("return-an-item").orElseThrow();
        assertThat(articles.findBySlug("artikel-zuruecksenden")).get().extracting(Article::translationOf)
            .isEqualTo(original.id());
        assertThat(articles.versions(original.id())).singleElement()
            .satisfies(v -> assertThat(v.changedBy()).isEqualTo("demo"));
    }

    @Test
    void trainsTheNorthwindIntentsInTheBackground() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (classifyIntent.classify("hello").isEmpty()) {
            assertThat(System.nanoTime()).as("the demo intents trained in time").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(classifyIntent.classify("How do I wash my down jacket?")).get()
            .satisfies(intent -> assertThat(intent.label()).isEqualTo("product_care"));
        assertThat(classifyIntent.classify("Who won the election in 1960?")).get()
            .satisfies(intent -> assertThat(intent.outOfScope()).isTrue());
    }
}
