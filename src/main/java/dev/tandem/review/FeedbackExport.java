package dev.tandem.review;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.guardrails.PersonalData;

/**
 * Every review decision as JSON Lines, for improving the models: the AI's draft, the text sent, the outcome, the
 * reason and the reviewer; personal data masked, as in every export.
 */
final class FeedbackExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedbackExport() {
    }

    static ResponseEntity<String> of(ReviewQueue queue) {
        StringBuilder body = new StringBuilder();
        queue.eachDecision(item -> body.append(line(item)).append('\n'));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jsonl;charset=UTF-8"))
            .header("Content-Disposition", "attachment; filename=\"review-feedback.jsonl\"")
            .body(body.toString());
    }

    static String line(HeldReply item) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", item.id().toString());
        line.put("conversationId", item.conversationId().toString());
        line.put("language", item.language());
        line.put("reasons", item.reasons());
        line.put("draft", PersonalData.masked(item.draft()));
        line.put("approvedText", item.finalText() == null ? null : PersonalData.masked(item.finalText()));
        line.put("outcome", item.status().name());
        line.put("reason", item.reason() == null ? null : PersonalData.masked(item.reason()));
        line.put("reviewer", item.decidedBy());
        line.put("requestedAt", item.requestedAt().toString());
        line.put("decidedAt", item.decidedAt() == null ? null : item.decidedAt().toString());
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
