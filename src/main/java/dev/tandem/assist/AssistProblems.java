package dev.tandem.assist;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;

/** The assist module's refusals, each rendered as {@code application/problem+json}. */
final class AssistProblems {

    private AssistProblems() {
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, detail);
    }

    static ErrorResponseException invalid(String detail) {
        return problem(HttpStatus.BAD_REQUEST, detail);
    }

    /** Macros are managed by curators and admins. */
    static void requireCurator(CurrentUser user) {
        if (!user.hasRole(Role.CURATOR) && !user.hasRole(Role.ADMIN)) {
            throw problem(HttpStatus.FORBIDDEN, "Managing macros needs the CURATOR or ADMIN role.");
        }
    }

    /** Suggestion figures are for supervisors and admins. */
    static void requireSupervisor(CurrentUser user) {
        if (!user.seesAllTeams()) {
            throw problem(HttpStatus.FORBIDDEN, "Assist feedback figures need the SUPERVISOR or ADMIN role.");
        }
    }

    /** Suggestions are for the people who reply to customers. */
    static void requireAgent(CurrentUser user) {
        if (!user.hasRole(Role.AGENT) && !user.seesAllTeams()) {
            throw problem(HttpStatus.FORBIDDEN, "Assist suggestions need the AGENT, SUPERVISOR or ADMIN role.");
        }
    }
}
