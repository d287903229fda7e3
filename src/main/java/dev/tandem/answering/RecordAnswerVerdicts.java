package dev.tandem.answering;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.tandem.ai.LowPriority;
import dev.tandem.quality.AiTurnsJudged;

/**
 * Files the quality judge's verdicts on the AI's replies against the assistant's recorded answers, for the
 * knowledge-gap and answer-quality views. Only replies the assistant recorded are kept (a greeting or a handoff
 * line is no answer). On the low-priority executor, like the scoring that publishes them.
 */
@Component
class RecordAnswerVerdicts {

    private final AnswerRecords records;
    private final AnswerVerdicts verdicts;

    RecordAnswerVerdicts(AnswerRecords records, AnswerVerdicts verdicts) {
        this.records = records;
        this.verdicts = verdicts;
    }

    @Async(LowPriority.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(AiTurnsJudged judged) {
        Set<UUID> answers = records.byConversation(judged.conversationId()).stream()
            .map(AnswerRecord::replyMessageId)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
        List<AnswerVerdicts.AnswerVerdict> filed = judged.turns().stream()
            .filter(turn -> answers.contains(turn.messageId()))
            .map(turn -> new AnswerVerdicts.AnswerVerdict(turn.messageId(), turn.item(), turn.verdict(), turn.evidence(),
                    turn.basis(), turn.confidence()))
            .toList();
        verdicts.replace(judged.conversationId(), judged.rubricVersion(), judged.judgedAt(), filed);
    }
}
