package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.StartConversation;

/**
 * The answering module with the modules it uses: with nothing published, conversations do not start
 * with the assistant, and a question it is asked anyway is answered honestly and becomes a
 * knowledge gap.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = "tandem.answering.enabled=true")
class AnsweringModuleTest {

    @Autowired
    AnswerCustomer assistant;

    @Autowired
    StartConversation start;

    @Autowired
    KnowledgeGaps gaps;

    @Test
    void withoutPublishedKnowledgeTheAssistantStepsAsideAndRecordsTheGap() {
        assertThat(assistant.enabled()).as("nothing to answer from").isFalse();

        var started = start.start(new StartConversation.Command(null, "Do you price-match other shops?", null,
                "test", null, ConversationStatus.AI));
        var reply = assistant.reply(started.conversation().id(), started.messages().get(0));

        assertThat(reply.status()).isEqualTo(ConversationStatus.AI);
        assertThat(reply.messages()).singleElement().satisfies(message -> {
            assertThat(message.author()).isEqualTo(AuthorType.AI);
            assertThat(message.citations()).isEmpty();
            assertThat(message.text()).contains("AI assistant").contains("person");
        });
        assertThat(gaps.list(Duration.ofDays(1))).anySatisfy(
                gap -> assertThat(gap.question()).isEqualTo("Do you price-match other shops?"));
    }

    @Autowired
    QuestionVectors questionVectors;

    @Test
    void unansweredQuestionsAreEmbeddedAfterTheirTurnAndGroupedByMeaning() {
        for (String asked : new String[] { "Do you engrave names on the watches?", "do you engrave names on watches" }) {
            var started = start.start(new StartConversation.Command(null, asked, null, "test", null, ConversationStatus.AI));
            assistant.reply(started.conversation().id(), started.messages().get(0));
        }

        assertThat(questionVectors.embedWaiting()).isGreaterThanOrEqualTo(2);
        assertThat(questionVectors.embedWaiting()).as("each question once").isZero();

        assertThat(gaps.list(Duration.ofDays(1))).filteredOn(gap -> gap.question().toLowerCase().contains("engrave"))
            .singleElement()
            .satisfies(gap -> assertThat(gap.count()).isEqualTo(2));
    }
}
