package dev.tandem.approvals;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;

/** Approving money leaving the company is a supervisor's call (or an admin's), never an agent's. */
final class ApprovalPermissions {

    private ApprovalPermissions() {
    }

    static boolean mayDecide(CurrentUser user) {
        return user != null && (user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.ADMIN));
    }

    static void check(CurrentUser user) {
        if (!mayDecide(user)) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Only supervisors and admins work the approval queue."), null);
        }
    }
}
