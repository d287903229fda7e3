package dev.tandem.conversation;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The module's refusals, each rendered as {@code application/problem+json}. */
final class ConversationProblems {

    static final int MAX_MESSAGE_LENGTH = 4000;

    private ConversationProblems() {
    }

    static ErrorResponseException notFound(UUID id) {
        return problem(HttpStatus.NOT_FOUND, "No conversation with id " + id + ".");
    }

    static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, detail);
    }

    static ErrorResponseException invalid(String detail) {
        return problem(HttpStatus.BAD_REQUEST, detail);
    }

    static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, detail);
    }

    /** Message text as stored: trimmed, not empty, at most 4,000 characters (code points). */
    static String checkedText(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("The message text is empty.");
        }
        String trimmed = text.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_MESSAGE_LENGTH) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE,
                    "The message has " + length + " characters; the limit is " + MAX_MESSAGE_LENGTH + ".");
        }
        return trimmed;
    }

    static String checkedClientMessageId(String clientMessageId) {
        if (clientMessageId != null && (clientMessageId.isBlank() || clientMessageId.length() > 100)) {
            throw invalid("clientMessageId must be 1 to 100 characters when given.");
        }
        return clientMessageId;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
