package dev.tandem.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationResolved;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessagePosted;

/** Live updates go out after commit, and a failing broadcast never fails the change that caused it. */
class LiveUpdatesTest {

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void sendsOnlyAfterCommit() {
        List<ConversationActivity> sent = new ArrayList<>();
        var updates = new LiveUpdates(sent::add);
        TransactionSynchronizationManager.initSynchronization();

        updates.on(new MessagePosted(message(), null, ConversationStatus.QUEUED));
        assertThat(sent).isEmpty();

        TransactionSynchronizationUtils.triggerAfterCommit();
        assertThat(sent).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(ConversationActivity.Kind.MESSAGE));
    }

    @Test
    void aFailingBroadcastDoesNotReachTheCaller() {
        var updates = new LiveUpdates(activity -> {
            throw new IllegalStateException("RabbitMQ is down");
        });
        TransactionSynchronizationManager.initSynchronization();
        updates.on(new ConversationResolved(UUID.randomUUID(), null, UUID.randomUUID(), "agent", Instant.now()));

        assertThatCode(TransactionSynchronizationUtils::triggerAfterCommit).doesNotThrowAnyException();
        assertThatCode(() -> updates.on(new MessagePosted(message(), null, ConversationStatus.QUEUED)))
            .doesNotThrowAnyException();
    }

    static Message message() {
        return new Message(UUID.randomUUID(), UUID.randomUUID(), AuthorType.CUSTOMER, null, null, "hi", false, null,
                Instant.now());
    }
}
