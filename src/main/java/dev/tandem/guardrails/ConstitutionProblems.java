package dev.tandem.guardrails;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A constitution refused: problem+json naming the line and the rule at fault. */
final class ConstitutionProblems {

    private ConstitutionProblems() {
    }

    static ErrorResponseException invalid(Constitution.Invalid invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                (invalid.line() > 0 ? "Line " + invalid.line() + ": " : "") + invalid.getMessage());
        problem.setTitle("Invalid constitution");
        if (invalid.line() > 0) {
            problem.setProperty("line", invalid.line());
        }
        if (invalid.ruleId() != null) {
            problem.setProperty("rule", invalid.ruleId());
        }
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, invalid);
    }
}
