package dev.tandem.answering;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger log = LoggerFactory.getLogger(QuestionVectors.class);

    private final AnswerRecords records;
    private final Embeddings embeddings;
    private final Executor lowPriority;
    private final Clock clock;

    QuestionVectors(AnswerRecords records, Embeddings embeddings, @Qualifier(LowPriority.EXECUTOR) Executor lowPriority,
            Clock clock) {
        this.records = records;
        this.embeddings = embeddings;
        this.lowPriority = lowPriority;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tandem.answering.question-vectors-every:PT15S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "answering-question-vectors", lockAtMostFor = "PT10M")
    void embedNewQuestions() {
        // waits for the low-priority thread, so that the lock covers the work; a full queue (overload) drops the
        // task without a word, and the next round tries again
        try {
            CompletableFuture.runAsync(this::embedWaiting, lowPriority).orTimeout(5, TimeUnit.MINUTES).join();
        } catch (CompletionException notThisRound) {
            log.debug("Questions not embedded this round", notThisRound);
        }
    }

    /** Embeds the newest waiting questions, a round at a time; returns how many. */
    int embedWaiting() {
        var waiting = records.unansweredWithoutVector(clock.instant().minus(WITHIN), PER_ROUND);
        waiting.forEach(record -> records.keepQuestionVector(record.id(), embeddings.embedQuery(record.question())));
        return waiting.size();
    }
}
