package dev.tandem.answering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;


import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tandem.ai.Embeddings;
import dev.tandem.ai.LowPriority;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Embeds the questions the assistant could not answer, after their turn and at the lowest priority: the
 * knowledge gaps group questions by these vectors, and nothing else reads them. Embedding one in the turn
 * cost as much as the rest of an unanswered turn (load benchmark profile, 2026-12-08); a question asked a
 * moment ago stands alone on the gaps page until it is embedded.
 */
@Component
class QuestionVectors {

    /** Older questions than this are past the gaps page's longest window. */
    private static final Duration WITHIN = Duration.ofDays(365);
    private static final int PER_ROUND = 200;
    private static final Duration ROUND_DROPPED_AFTER = Duration.ofMinutes(10);

    private final AnswerRecords records;
    private final Embeddings embeddings;
    private final Executor lowPriority;
    private final Clock clock;
    private final AtomicReference<Instant> roundQueuedAt = new AtomicReference<>();

    QuestionVectors(AnswerRecords records, Embeddings embeddings, @Qualifier(LowPriority.EXECUTOR) Executor lowPriority,
            Clock clock) {
        this.records = records;
        this.embeddings = embeddings;
        this.lowPriority = lowPriority;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tandem.answering.question-vectors-every:PT15S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "answering-question-vectors", lockAtMostFor = "PT1M")
    void embedNewQuestions() {
        // never waits for the low-priority thread (with platform threads the scheduler's one thread also tells
        // customers their reply is late); a round still queued behind an overload is not queued again, unless the
        // full queue dropped it without a word (it is then long overdue)
        Instant now = clock.instant();
        Instant queued = roundQueuedAt.get();
        if (queued != null && queued.isAfter(now.minus(ROUND_DROPPED_AFTER)) || !roundQueuedAt.compareAndSet(queued, now)) {
            return;
        }
        lowPriority.execute(() -> {
            try {
                embedWaiting();
            } finally {
                roundQueuedAt.set(null);
            }
        });
    }

    /** Embeds the newest waiting questions, a round at a time; returns how many. */
    int embedWaiting() {
        var waiting = records.unansweredWithoutVector(clock.instant().minus(WITHIN), PER_ROUND);
        waiting.forEach(record -> records.keepQuestionVector(record.id(), embeddings.embedQuery(record.question())));
        return waiting.size();
    }
}
