package dev.tandem.assist;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tandem.ai.CpuPriority;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationAssigned;
import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationResolved;
import dev.tandem.conversation.ConversationStarted;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.HandoffRequested;
import dev.tandem.conversation.MessagePosted;
import dev.tandem.procedures.RunProcedures;

/**
 * Starts the panel's computation when a conversation reaches the people (it starts queued, or is handed
 * over), when a person takes it, and as the customer writes while it is assigned, once the event's
 * transaction has committed, on a small pool of
 * its own (never on the customer's request thread); before it, passes the message to the procedure the
 * agent ran for the customer from the panel, if one is open ({@link RunProcedures#continueForAssignee});
 * learns the replies of a conversation when it is resolved. Plain listeners, not persisted publications:
 * a panel lost to a restart is computed again when an agent opens the conversation.
 *
 * <p>A panel costs an embedding, a search and a rerank, ten times what storing the message costs, and a
 * customer may write several messages while an agent reads. So a conversation waits for its panel at most
 * once (a message that arrives while its refresh still waits adds nothing: the refresh reads the latest
 * message when it runs), and the workers run behind the threads that store messages
 * ({@link CpuPriority#ASSISTANT}): under a burst the panels fall behind, never the customers' messages.
 * Messages to a conversation still waiting in the queue refresh nothing: no agent watches it live, and the
 * agent who opens it gets the panel of its latest message computed then ({@link AssistPanels#current}).
 * Refreshing them too cost a fifth of the human loop's message rate on one core (load benchmark with the
 * demo off, where every conversation waits in the queue).
 */
@Component
class AssistTriggers {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AssistTriggers.class);

    private final AssistProperties properties;
    private final AssistPanels panels;
    private final PastReplies pastReplies;
    private final ConversationQueries conversations;
    private final RunProcedures procedures;
    private final ThreadPoolExecutor workers;
    /** Conversations whose refresh waits for a worker. */
    private final Set<UUID> waiting = ConcurrentHashMap.newKeySet();

    AssistTriggers(AssistProperties properties, AssistPanels panels, PastReplies pastReplies,
            ConversationQueries conversations, RunProcedures procedures) {
        this.procedures = procedures;
        this.properties = properties;
        this.panels = panels;
        this.pastReplies = pastReplies;
        this.conversations = conversations;
        AtomicInteger n = new AtomicInteger();
        // Bounded: under a burst the oldest waiting work goes; its panel is computed when someone opens it.
        this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(1_000), work -> {
                    Thread thread = new Thread(() -> {
                        CpuPriority.lowerCurrentThread(CpuPriority.ASSISTANT);
                        work.run();
                    }, "assist-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, dropOldest());
    }

    /** Drops the oldest waiting work for the new; a dropped refresh no longer waits, so its conversation may ask again. */
    private RejectedExecutionHandler dropOldest() {
        return (work, executor) -> {
            if (executor.isShutdown()) {
                return;
            }
            if (executor.getQueue().poll() instanceof Refresh dropped) {
                waiting.remove(dropped.conversationId());
            }
            executor.execute(work);
        };
    }

    // Plain @EventListener with the work handed over after the commit, not @TransactionalEventListener: Spring
    // Modulith records a publication for every transactional listener and marks it in a new transaction while
    // the customer's request still holds its connection, so under load every request needed two connections
    // and the pool ran dry (the load benchmark: 20 connections held, 120 requests waiting, nothing stored).

    @EventListener
    void on(MessagePosted event) {
        if (properties.enabled() && event.message().author() == AuthorType.CUSTOMER && !event.message().internal()
                && event.status() == ConversationStatus.ASSIGNED) {
            afterCommit(() -> submit(event.conversationId()));
        }
    }

    @EventListener
    void on(ConversationStarted event) {
        if (properties.enabled() && event.status() == ConversationStatus.QUEUED) {
            afterCommit(() -> submit(event.conversationId()));
        }
    }

    @EventListener
    void on(ConversationAssigned event) {
        if (properties.enabled()) {
            afterCommit(() -> submit(event.conversationId()));
        }
    }

    @EventListener
    void on(HandoffRequested event) {
        if (properties.enabled()) {
            afterCommit(() -> submit(event.conversationId()));
        }
    }

    @EventListener
    void on(ConversationResolved event) {
        afterCommit(() -> workers.execute(() -> {
            try {
                conversations.forCustomer(event.conversationId()).ifPresent(pastReplies::learn);
            } catch (RuntimeException e) {
                log.warn("Could not learn the replies of conversation {}: {}", event.conversationId(), e.toString());
            }
        }));
    }

    /** Runs {@code work} once the current transaction has committed (never if it rolls back), or now without one. */
    private static void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }

    private void submit(UUID conversationId) {
        if (waiting.add(conversationId)) {
            workers.execute(new Refresh(conversationId));
        }
    }

    private final class Refresh implements Runnable {

        private final UUID conversationId;

        Refresh(UUID conversationId) {
            this.conversationId = conversationId;
        }

        UUID conversationId() {
            return conversationId;
        }

        @Override
        public void run() {
            // before the work: a message stored while this refresh runs asks for another one
            waiting.remove(conversationId);
            Optional<ConversationDetails> details;
            try {
                details = conversations.forCustomer(conversationId);
            } catch (RuntimeException e) {
                log.warn("Could not read conversation {} for its assist panel: {}", conversationId, e.toString());
                return;
            }
            details.ifPresent(this::answerProcedure);
            details.ifPresent(this::refreshPanel);
        }

        /** First the customer's answer to the procedure their agent started, if one runs: the customer waits for it. */
        private void answerProcedure(ConversationDetails details) {
            try {
                procedures.continueForAssignee(details);
            } catch (RuntimeException e) {
                log.warn("Could not pass the customer's message in conversation {} to its procedure: {}", conversationId,
                        e.toString());
            }
        }

        private void refreshPanel(ConversationDetails details) {
            try {
                panels.refresh(details);
            } catch (RuntimeException e) {
                log.warn("Could not compute the assist panel of conversation {}: {}", conversationId, e.toString());
            }
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        workers.shutdownNow();
    }
}
