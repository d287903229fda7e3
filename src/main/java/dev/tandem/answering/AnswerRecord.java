package dev.tandem.answering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One reply of the assistant, as recorded.
 *
 * @param questionVector the question's embedding, kept for the unanswered ones so that knowledge
 *     gaps can be grouped by meaning without embedding every question again; null otherwise
 */
record AnswerRecord(UUID id, UUID conversationId, UUID questionMessageId, UUID replyMessageId, Answer.Kind kind,
        String language, String question, float[] questionVector, List<String> citedArticleIds, double confidence,
        Instant createdAt) {

    AnswerRecord {
        citedArticleIds = List.copyOf(citedArticleIds);
    }
}
