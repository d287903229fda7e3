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
        checkStorable(text, "The message text");
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
        if (clientMessageId != null) {
            checkStorable(clientMessageId, "clientMessageId");
        }
        return clientMessageId;
    }

    /**
     * Refuses text no database stores as given: PostgreSQL rejects NUL characters and replaces
     * unpaired UTF-16 surrogates (half an emoji) with '?', while H2 keeps both.
     */
    static void checkStorable(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == 0 || (Character.isSurrogate(c) && !pair)) {
                throw invalid(what + " contains a NUL character or broken Unicode (an unpaired surrogate).");
            }
            if (pair) {
                i++;
            }
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
