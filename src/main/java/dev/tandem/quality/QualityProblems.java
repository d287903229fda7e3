package dev.tandem.quality;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The quality module's refusals, as problem+json with a detail that says what to do. */
final class QualityProblems {

    private QualityProblems() {
    }

    static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, detail);
    }

    static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, detail);
    }

    static ErrorResponseException invalid(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }
}
