package dev.tandem.channel;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.answering.AnswerFeedback;
import dev.tandem.channel.WidgetApi.WidgetMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** "Did this answer your question?" under the AI's answers in the widget. */
@RestController
@RequestMapping("/api/widget/conversations/{id}/messages/{messageId}/feedback")
@Tag(name = "Widget")
class WidgetFeedbackApi {

    private final ConversationTokens tokens;
    private final RateLimits limits;
    private final AnswerFeedback feedback;

    WidgetFeedbackApi(ConversationTokens tokens, RateLimits limits, AnswerFeedback feedback) {
        this.tokens = tokens;
        this.limits = limits;
        this.feedback = feedback;
    }

    record Feedback(@Schema(description = "true: the answer helped; false: it did not") Boolean helpful) {
    }

    /**
     * @param messages what the assistant says in return: after a "no", other articles to choose from or
     *     the offer of a person; nothing after a "yes" or a repeated click
     */
    record FeedbackGiven(boolean helpful, List<WidgetMessage> messages) {
    }

    @PostMapping
    @Operation(summary = "The customer says whether an AI answer helped",
            description = "Stored with the conversation; the same answer again changes nothing, the other one "
                    + "replaces it. 404 for a message that is not an AI answer of this conversation.")
    FeedbackGiven give(@PathVariable UUID id, @PathVariable UUID messageId,
            @RequestHeader(name = WidgetApi.TOKEN_HEADER, required = false) String token,
            @RequestBody(required = false) Feedback body, HttpServletRequest request) {
        limits.request(request.getRemoteAddr());
        tokens.check(id, token);
        if (body == null || body.helpful() == null) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "Send {\"helpful\": true} or {\"helpful\": false}."), null);
        }
        limits.message(id);
        var given = feedback.give(id, messageId, body.helpful());
        return new FeedbackGiven(given.helpful(), given.messages().stream().map(WidgetMessage::of).toList());
    }
}
