package dev.tandem.review;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;

/**
 * Who reviews: supervisors and admins every held reply, agents those of their own teams' conversations. The
 * feedback export, which holds every team's texts, is for supervisors and admins.
 */
final class Reviewers {

    private Reviewers() {
    }

    static ReviewQueue.Reviewer of(CurrentUser user) {
        if (user == null || !(user.seesAllTeams() || user.hasRole(Role.AGENT))) {
            throw forbidden("Only agents, supervisors and admins review the assistant's replies.");
        }
        return new ReviewQueue.Reviewer(user.username(), user.seesAllTeams(), user.teamIds(), user.hasRole(Role.AGENT));
    }

    static void checkExport(CurrentUser user) {
        if (user == null || !user.seesAllTeams()) {
            throw forbidden("Only supervisors and admins export the review feedback.");
        }
    }

    static ErrorResponseException problem(ReviewQueue.DecisionRefused refused) {
        HttpStatus status = HttpStatus.valueOf(refused.status());
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, refused.getMessage()), refused);
    }

    private static ErrorResponseException forbidden(String detail) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail),
                null);
    }
}
