package dev.tandem.answering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.tandem.ai.CpuPriority;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;

/**
 * The assistant's turns, taken off the customer's request. Storing a message costs a millisecond;
 * answering it costs an embedding, a search and a policy judgement, ten to a hundred times more, and an
 * LLM seconds. So the customer's POST only hands the turn over and waits for it briefly, and a fixed
 * number of workers ({@code tandem.answering.concurrency}) take the turns in the order they came:
 * model work never competes without bound with storing messages, and never holds a request thread.
 *
 * <ul>
 * <li>A turn is per conversation: a message that arrives while an earlier one of the same conversation
 * still waits joins that turn (the assistant answers the latest), and two turns of one conversation
 * never run at once.</li>
 * <li>The POST carries the reply when its turn could start at once and is done within
 * {@code tandem.answering.reply-wait}; otherwise the reply arrives over the live stream and the
 * widget shows that the assistant is typing, or, in LLM mode, the reply as it is written (the POST
 * then returns as soon as the first sentence is shown).</li>
 * <li>Under overload nothing is dropped: turns wait. One still waiting {@code tandem.answering.reply-deadline}
 * after the customer wrote is replaced by a short notice in the customer's language with the offer of a
 * person ({@link LateReplies}); a reply that late would answer a customer who has given up on it.</li>
 * </ul>
 *
 * Turns live in this node's memory: a node that stops leaves its waiting turns to {@link StrandedTurns}.
 */
@Service
public class AssistantTurns {

    private static final Logger log = LoggerFactory.getLogger(AssistantTurns.class);

    private final AnswerCustomer assistant;
    private final AssistantReadiness readiness;
    private final LateReplies late;
    private final Duration replyWait;
    private final Duration deadline;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    /** Turns not started yet, by conversation, oldest first. Guarded by lock. */
    private final LinkedHashMap<UUID, Turn> waiting = new LinkedHashMap<>();
    /** Turns a worker is taking now, by conversation. Guarded by lock. */
    private final Map<UUID, Turn> running = new HashMap<>();
    /** Workers waiting for a turn. Guarded by lock. */
    private int idle;
    private volatile boolean stopped;
    private final List<Thread> workers = new ArrayList<>();

    private final Timer waitedFor;
    private final Counter lateNotices;

    AssistantTurns(AnswerCustomer assistant, AssistantReadiness readiness, LateReplies late,
            AnsweringProperties properties, Clock clock, MeterRegistry meters) {
        this.assistant = assistant;
        this.readiness = readiness;
        this.late = late;
        this.replyWait = properties.replyWait();
        this.deadline = properties.replyDeadline();
        this.clock = clock;
        this.waitedFor = Timer.builder("tandem.assistant.turn")
            .description("From the customer's message to the assistant's reply, waiting included")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(meters);
        this.lateNotices = Counter.builder("tandem.assistant.late")
            .description("Turns replaced by a notice because they waited past the reply deadline")
            .register(meters);
        Gauge.builder("tandem.assistant.waiting", this, AssistantTurns::waitingTurns)
            .description("Turns waiting for a worker")
            .register(meters);
        for (int i = 1; i <= properties.concurrency(); i++) {
            Thread worker = new Thread(this::work, "assistant-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** One turn: the customer's latest message in a conversation, and everyone waiting for its reply. */
    private static final class Turn {

        final UUID conversationId;
        /** When the oldest message this turn answers was written: the deadline counts from it. */
        final Instant since;
        final CompletableFuture<AnswerCustomer.Reply> reply = new CompletableFuture<>();
        /** Completes when the customer can watch the reply being written (LLM mode): no use waiting for it whole. */
        final CompletableFuture<Void> shownWhileWritten = new CompletableFuture<>();
        final long queuedAt = System.nanoTime();
        Message question;

        Turn(UUID conversationId, Message question, Instant since) {
            this.conversationId = conversationId;
            this.question = question;
            this.since = since;
        }
    }

    /**
     * The assistant's turn after {@code question}, a customer message just stored in a conversation the
     * assistant handles: its reply when it is ready within the short wait, else {@link AnswerCustomer.Reply#pending() pending}
     * (the reply follows over the live stream).
     */
    public AnswerCustomer.Reply answer(UUID conversationId, Message question) {
        Turn turn;
        boolean startsNow;
        lock.lock();
        try {
            if (stopped) {
                // shutting down: the turn is left to another node (StrandedTurns)
                return AnswerCustomer.Reply.awaited();
            }
            Turn queued = waiting.get(conversationId);
            if (queued != null) {
                queued.question = question;
                return AnswerCustomer.Reply.awaited();
            }
            startsNow = idle > waiting.size() && !running.containsKey(conversationId);
            turn = new Turn(conversationId, question, clock.instant());
            waiting.put(conversationId, turn);
            work.signal();
        } finally {
            lock.unlock();
        }
        if (!startsNow) {
            return AnswerCustomer.Reply.awaited();
        }
        try {
            CompletableFuture.anyOf(turn.reply, turn.shownWhileWritten).get(replyWait.toNanos(), TimeUnit.NANOSECONDS);
            return turn.reply.isDone() ? turn.reply.get() : AnswerCustomer.Reply.awaited();
        } catch (TimeoutException stillWorking) {
            return AnswerCustomer.Reply.awaited();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AnswerCustomer.Reply.awaited();
        } catch (ExecutionException e) {
            // AnswerCustomer hands over to a person on its own failures; this is a worker's death
            return AnswerCustomer.Reply.awaited();
        }
    }

    /** Whether a turn of the conversation waits or runs on this node. */
    public boolean isPending(UUID conversationId) {
        lock.lock();
        try {
            return waiting.containsKey(conversationId) || running.containsKey(conversationId);
        } finally {
            lock.unlock();
        }
    }

    int idleWorkers() {
        lock.lock();
        try {
            return idle;
        } finally {
            lock.unlock();
        }
    }

    int waitingTurns() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        CpuPriority.lowerCurrentThread(CpuPriority.ASSISTANT);
        while (!stopped) {
            Turn turn;
            lock.lock();
            try {
                while ((turn = nextTurn()) == null) {
                    if (stopped) {
                        return;
                    }
                    idle++;
                    try {
                        work.await();
                    } finally {
                        idle--;
                    }
                }
                waiting.remove(turn.conversationId);
                running.put(turn.conversationId, turn);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            AnswerCustomer.Reply reply = null;
            Throwable failure = null;
            try {
                reply = take(turn);
            } catch (RuntimeException | Error e) {
                log.error("The assistant's turn in conversation {} failed", turn.conversationId, e);
                failure = e;
            } finally {
                waitedFor.record(System.nanoTime() - turn.queuedAt, TimeUnit.NANOSECONDS);
                lock.lock();
                try {
                    running.remove(turn.conversationId);
                    if (waiting.containsKey(turn.conversationId)) {
                        // a message came while this one was answered: its turn may run now
                        work.signal();
                    }
                } finally {
                    lock.unlock();
                }
            }
            // only now: a customer who writes again as soon as the reply is in the POST's answer finds the
            // conversation free, and that POST waits for its reply too
            if (failure == null) {
                turn.reply.complete(reply);
            } else {
                turn.reply.completeExceptionally(failure);
            }
        }
    }

    /**
     * The reply is being written where the customer can watch it ({@link ReplyInProgress}, LLM mode): the
     * customer's request stops waiting for the whole of it, which takes the model seconds.
     */
    @EventListener
    void on(ReplyInProgress progress) {
        lock.lock();
        try {
            Turn turn = running.get(progress.conversationId());
            if (turn != null) {
                turn.shownWhileWritten.complete(null);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A node that just started may get a message before its knowledge index and models are loaded (no load
     * balancer in front, or one that does not ask for readiness): the turn waits for them rather than
     * answer "I don't know" to a question the knowledge base answers, and is late if they do not come in time.
     */
    private AnswerCustomer.Reply take(Turn turn) {
        Duration left = Duration.between(clock.instant(), turn.since.plus(deadline));
        if (!readiness.awaitReady(left.isNegative() ? Duration.ZERO : left)) {
            lateNotices.increment();
            return late.tell(turn.conversationId, turn.question);
        }
        return assistant.reply(turn.conversationId, turn.question);
    }

    /** The oldest waiting turn whose conversation no worker is answering. Under lock. */
    private Turn nextTurn() {
        for (Turn turn : waiting.values()) {
            if (!running.containsKey(turn.conversationId)) {
                return turn;
            }
        }
        return null;
    }

    /**
     * Replaces turns that waited past the deadline by the late notice. Every second, so a notice comes at
     * most a second after the deadline, however long the queue.
     */
    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void replaceOverdue() {
        Instant due = clock.instant().minus(deadline);
        List<Turn> overdue = new ArrayList<>();
        lock.lock();
        try {
            var turns = waiting.values().iterator();
            while (turns.hasNext()) {
                Turn turn = turns.next();
                if (turn.since.isAfter(due)) {
                    // later turns came later, except one that waits behind its conversation's running turn
                    continue;
                }
                turns.remove();
                overdue.add(turn);
            }
        } finally {
            lock.unlock();
        }
        for (Turn turn : overdue) {
            lateNotices.increment();
            try {
                turn.reply.complete(late.tell(turn.conversationId, turn.question));
            } catch (RuntimeException e) {
                log.error("Could not tell the customer in conversation {} that the assistant is late", turn.conversationId, e);
                turn.reply.completeExceptionally(e);
            }
        }
    }

    @PreDestroy
    void stop() {
        lock.lock();
        try {
            stopped = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread worker : workers) {
            try {
                // a turn under way finishes (its reply is posted); waiting ones stay stranded for another node
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
