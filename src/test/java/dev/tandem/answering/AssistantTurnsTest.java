package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;

/**
 * The assistant's turns under overload, with the assistant replaced by one that answers when the test
 * lets it: messages are never refused, turns wait and answer late, waiting messages of a conversation
 * join one turn, and a turn that waited past the deadline is replaced by the late notice.
 */
class AssistantTurnsTest {

    private final AnswerCustomer assistant = mock(AnswerCustomer.class);
    private final LateReplies late = mock(LateReplies.class);
    private final AssistantReadiness readiness = mock(AssistantReadiness.class);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final CountDownLatch release = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
    private AssistantTurns turns;

    @AfterEach
    void stop() {
        release.countDown();
        turns.stop();
    }

    private AssistantTurns withOneWorker(Duration replyWait) {
        when(assistant.reply(any(), any())).thenAnswer(call -> {
            release.await(30, TimeUnit.SECONDS);
            Message question = call.getArgument(1);
            answered.add(question.text());
            return new AnswerCustomer.Reply(ConversationStatus.AI, List.of(reply(question)));
        });
        when(late.tell(any(), any())).thenAnswer(call -> new AnswerCustomer.Reply(ConversationStatus.AI,
                List.of(message(call.getArgument(0), AuthorType.AI, "late"))));
        when(readiness.awaitReady(any())).thenReturn(true);
        turns = new AssistantTurns(assistant, readiness, late,
                new AnsweringProperties(true, "en", 1, replyWait, Duration.ofSeconds(30)), clock,
                new SimpleMeterRegistry());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (turns.idleWorkers() < 1 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return turns;
    }

    @Test
    void aReplyReadyWithinTheWaitComesWithTheRequest() {
        withOneWorker(Duration.ofSeconds(30));
        release.countDown();
        UUID conversation = UUID.randomUUID();

        var reply = turns.answer(conversation, message(conversation, AuthorType.CUSTOMER, "Where is my order?"));

        assertThat(reply.pending()).isFalse();
        assertThat(reply.messages()).extracting(Message::text).containsExactly("re: Where is my order?");
    }

    @Test
    void whileTheWorkersAreBusyMessagesAreAcceptedAtOnceAndAnsweredLate() {
        withOneWorker(Duration.ofMillis(50));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        var busy = turns.answer(first, message(first, AuthorType.CUSTOMER, "one"));
        var queued = turns.answer(second, message(second, AuthorType.CUSTOMER, "two"));

        assertThat(busy.pending()).as("the worker is held: the request returns after its short wait").isTrue();
        assertThat(queued.pending()).as("nothing free: the request does not wait at all").isTrue();
        assertThat(turns.isPending(second)).isTrue();
        release.countDown();
        awaitAnswered(2);
        assertThat(answered).containsExactly("one", "two");
        verify(late, never()).tell(any(), any());
    }

    @Test
    void messagesWaitingInOneConversationJoinOneTurnThatAnswersTheLatest() {
        withOneWorker(Duration.ZERO);
        UUID busy = UUID.randomUUID();
        UUID chatty = UUID.randomUUID();
        turns.answer(busy, message(busy, AuthorType.CUSTOMER, "hold the worker"));

        turns.answer(chatty, message(chatty, AuthorType.CUSTOMER, "hi"));
        turns.answer(chatty, message(chatty, AuthorType.CUSTOMER, "my order is late"));
        turns.answer(chatty, message(chatty, AuthorType.CUSTOMER, "order 1234"));
        release.countDown();

        awaitAnswered(2);
        assertThat(answered).containsExactly("hold the worker", "order 1234");
    }

    @Test
    void aTurnWaitingPastTheDeadlineIsReplacedByTheLateNoticeAndNeverAnswered() {
        withOneWorker(Duration.ZERO);
        UUID busy = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        turns.answer(busy, message(busy, AuthorType.CUSTOMER, "hold the worker"));
        verify(assistant, timeout(10_000)).reply(eq(busy), any());
        turns.answer(waiting, message(waiting, AuthorType.CUSTOMER, "anyone there?"));

        clock.advance(Duration.ofSeconds(29));
        turns.replaceOverdue();
        verify(late, never()).tell(any(), any());

        clock.advance(Duration.ofSeconds(2));
        turns.replaceOverdue();
        verify(late).tell(eq(waiting), any());
        assertThat(turns.isPending(waiting)).isFalse();
        verify(late, never()).tell(eq(busy), any());

        release.countDown();
        awaitAnswered(1);
        assertThat(answered).containsExactly("hold the worker");
    }

    @Test
    void twoTurnsOfOneConversationNeverRunAtOnce() {
        withOneWorker(Duration.ZERO);
        UUID conversation = UUID.randomUUID();
        turns.answer(conversation, message(conversation, AuthorType.CUSTOMER, "first"));
        verify(assistant, timeout(10_000)).reply(eq(conversation), any());

        turns.answer(conversation, message(conversation, AuthorType.CUSTOMER, "second"));
        assertThat(turns.waitingTurns()).as("waits for the running turn of its conversation").isEqualTo(1);
        release.countDown();

        awaitAnswered(2);
        assertThat(answered).containsExactly("first", "second");
    }

    @Test
    void theRequestStopsWaitingOnceTheReplyIsShownWhileItIsWritten() throws Exception {
        withOneWorker(Duration.ofMinutes(10));
        UUID conversation = UUID.randomUUID();
        Message question = message(conversation, AuthorType.CUSTOMER, "How do I reset my password?");
        doAnswer(call -> {
            // LLM mode: the first sentence is shown, the model writes on until the test lets it finish
            turns.on(new ReplyInProgress(conversation, null, question.id(), "Select Forgot password?"));
            release.await(30, TimeUnit.SECONDS);
            answered.add(question.text());
            return new AnswerCustomer.Reply(ConversationStatus.AI, List.of(reply(question)));
        }).when(assistant).reply(any(), any());

        var reply = CompletableFuture.supplyAsync(() -> turns.answer(conversation, question)).get(30, TimeUnit.SECONDS);

        assertThat(reply.pending()).as("the reply follows over the live stream").isTrue();
        assertThat(turns.isPending(conversation)).isTrue();
        release.countDown();
        awaitAnswered(1);
    }

    /** Waits on state: the answers the held assistant has given. */
    private void awaitAnswered(int count) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answered.size() < count && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private Message reply(Message question) {
        return message(question.conversationId(), AuthorType.AI, "re: " + question.text());
    }

    private Message message(UUID conversation, AuthorType author, String text) {
        return new Message(UUID.randomUUID(), conversation, author, null, null, text, false, null, clock.instant());
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
