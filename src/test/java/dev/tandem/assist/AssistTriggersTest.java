package dev.tandem.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationAssigned;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStarted;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.ConversationSummary;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.MessagePosted;
import dev.tandem.procedures.RunProcedures;

/**
 * A customer who writes several messages while the panel's one worker is busy costs one refresh, not one per
 * message; a message that arrives while its conversation's refresh runs asks for another.
 */
class AssistTriggersTest {

    private final AssistPanels panels = mock(AssistPanels.class);
    private final ConversationQueries conversations = mock(ConversationQueries.class);
    private final CountDownLatch busy = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AssistTriggers triggers = new AssistTriggers(
            new AssistProperties(true, 3, 3, 0.8, 1, null, false), panels, mock(PastReplies.class),
            conversations, mock(RunProcedures.class));

    @BeforeEach
    void conversationsExist() {
        when(conversations.forCustomer(any())).thenAnswer(call -> Optional.of(new ConversationDetails(
                new ConversationSummary(call.getArgument(0), ConversationStatus.QUEUED, "widget", null, null, null, null,
                        null, Instant.now(), Instant.now(), Instant.now(), null, Instant.now(), 0, null, null),
                List.of())));
    }

    @AfterEach
    void stop() {
        release.countDown();
        triggers.stop();
    }

    @Test
    void messagesThatArriveWhileTheRefreshWaitsJoinIt() throws InterruptedException {
        UUID blocker = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        holdTheWorkerWith(blocker);

        for (int i = 0; i < 5; i++) {
            triggers.on(posted(conversation, "message " + i));
        }
        release.countDown();

        verify(panels, timeout(5_000)).refresh(of(conversation));
        Thread.sleep(200);
        verify(panels, times(1)).refresh(of(conversation));
    }

    @Test
    void aMessageDuringTheRefreshAsksForAnother() throws InterruptedException {
        UUID conversation = UUID.randomUUID();
        holdTheWorkerWith(conversation);

        triggers.on(posted(conversation, "written while its panel is computed"));
        release.countDown();

        verify(panels, timeout(5_000).times(2)).refresh(of(conversation));
    }

    @Test
    void aConversationWaitingInTheQueueGetsItsPanelWhenItArrivesAndWhenAPersonTakesIt() throws InterruptedException {
        UUID conversation = UUID.randomUUID();
        Instant now = Instant.now();

        triggers.on(new ConversationStarted(conversation, UUID.randomUUID(), null, "email", ConversationStatus.QUEUED, now));
        verify(panels, timeout(5_000)).refresh(of(conversation));
        triggers.on(posted(conversation, "nobody is watching this one live yet", ConversationStatus.QUEUED));
        triggers.on(posted(conversation, "nor this one", ConversationStatus.QUEUED));
        Thread.sleep(200);
        verify(panels, times(1)).refresh(of(conversation));

        triggers.on(new ConversationAssigned(conversation, null, UUID.randomUUID(), null, "sam", now));
        verify(panels, timeout(5_000).times(2)).refresh(of(conversation));
        triggers.on(new ConversationStarted(UUID.randomUUID(), UUID.randomUUID(), null, "widget", ConversationStatus.AI, now));
        Thread.sleep(200);
        verify(panels, times(2)).refresh(any());
    }

    private void holdTheWorkerWith(UUID conversation) throws InterruptedException {
        doAnswer(call -> {
            if (call.<ConversationDetails>getArgument(0).conversation().id().equals(conversation)) {
                busy.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return null;
        }).when(panels).refresh(any());
        triggers.on(posted(conversation, "first"));
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static ConversationDetails of(UUID conversation) {
        return argThat(details -> details.conversation().id().equals(conversation));
    }

    private static MessagePosted posted(UUID conversation, String text) {
        return posted(conversation, text, ConversationStatus.ASSIGNED);
    }

    private static MessagePosted posted(UUID conversation, String text, ConversationStatus status) {
        return new MessagePosted(new Message(UUID.randomUUID(), conversation, AuthorType.CUSTOMER, null, "Ada", text,
                false, null, Instant.now(), List.of(), null, "en"), null, status);
    }
}
