package dev.tandem.answering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.tandem.quality.AiTurnsJudged;

/** The quality review's verdicts are filed against the assistant's recorded answers only, replacing earlier ones. */
class RecordAnswerVerdictsTest {

    final AnswerRecords records = mock(AnswerRecords.class);
    final AnswerVerdicts verdicts = mock(AnswerVerdicts.class);
    final RecordAnswerVerdicts listener = new RecordAnswerVerdicts(records, verdicts);

    @Test
    @SuppressWarnings("unchecked")
    void verdictsOnRecordedAnswersAreFiledAndOthersAreLeftOut() {
        UUID conversation = UUID.randomUUID();
        UUID answered = UUID.randomUUID();
        UUID greeting = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-08T03:00:00Z");
        when(records.byConversation(conversation)).thenReturn(List.of(new AnswerRecord(UUID.randomUUID(), conversation,
                UUID.randomUUID(), answered, Answer.Kind.ANSWERED, "en", "how long?", null, List.of(), 0.9, at)));

        listener.on(new AiTurnsJudged(conversation, 3, at, List.of(
                new AiTurnsJudged.Turn(answered, "accurate", false, "It takes 30 days.", "other figures", 0.6),
                new AiTurnsJudged.Turn(answered, "policy_compliant", true, "It takes 30 days.", "none broken", 0.7),
                new AiTurnsJudged.Turn(greeting, "policy_compliant", true, "Hello!", "none broken", 0.7))));

        ArgumentCaptor<List<AnswerVerdicts.AnswerVerdict>> filed = ArgumentCaptor.forClass(List.class);
        verify(verdicts).replace(eq(conversation), eq(3), eq(at), filed.capture());
        assertThat(filed.getValue()).extracting(AnswerVerdicts.AnswerVerdict::replyMessageId).containsOnly(answered);
        assertThat(filed.getValue()).extracting(AnswerVerdicts.AnswerVerdict::item, AnswerVerdicts.AnswerVerdict::verdict)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("accurate", false),
                    org.assertj.core.groups.Tuple.tuple("policy_compliant", true));
    }

    @Test
    void aConversationJudgedAgainWithoutAnswersClearsItsVerdicts() {
        UUID conversation = UUID.randomUUID();
        when(records.byConversation(conversation)).thenReturn(List.of());

        listener.on(new AiTurnsJudged(conversation, 0, Instant.now(), List.of(
                new AiTurnsJudged.Turn(UUID.randomUUID(), "accurate", true, "x 5 days", "same", 0.6))));

        verify(verdicts).replace(eq(conversation), eq(0), any(), eq(List.of()));
    }
}
