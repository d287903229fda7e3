package dev.tandem.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.tandem.answering.ReplyInProgress;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessagePosted;

/** The live module turns committed conversation events into activity for the live views. */
@ApplicationModuleTest
@ActiveProfiles("test")
class LiveModuleTest {

    @Test
    void aPostedMessageBecomesActivityWithTheMessage(Scenario scenario) {
        var message = new Message(UUID.randomUUID(), UUID.randomUUID(), AuthorType.CUSTOMER, null, "Ana", "Hello",
                false, null, Instant.now());

        scenario.publish(new MessagePosted(message, null, ConversationStatus.QUEUED))
            .andWaitForEventOfType(ConversationActivity.class)
            .matching(activity -> activity.conversationId().equals(message.conversationId()))
            .toArriveAndVerify(activity -> {
                assertThat(activity.kind()).isEqualTo(ConversationActivity.Kind.MESSAGE);
                assertThat(activity.message()).isEqualTo(message);
                assertThat(activity.status()).isEqualTo(ConversationStatus.QUEUED);
            });
    }

    @Test
    void theAssistantsReplyInProgressBecomesActivityWithItsText(Scenario scenario) {
        UUID conversation = UUID.randomUUID();
        UUID question = UUID.randomUUID();

        scenario.publish(new ReplyInProgress(conversation, null, question, "Select Forgot password?"))
            .andWaitForEventOfType(ConversationActivity.class)
            .matching(activity -> activity.conversationId().equals(conversation))
            .toArriveAndVerify(activity -> {
                assertThat(activity.kind()).isEqualTo(ConversationActivity.Kind.REPLY_IN_PROGRESS);
                assertThat(activity.reply()).isEqualTo(new ConversationActivity.ReplySoFar(question,
                        "Select Forgot password?"));
                assertThat(activity.message()).isNull();
            });
    }
}
