package dev.tandem.approvals;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.identity.CurrentUser;

/** The approval queue over the API, for supervisors and admins. */
@Tag(name = "Approvals")
@RestController
class ApprovalsApi {

    record Decision(String note) {
    }

    private final ApprovalQueue queue;

    ApprovalsApi(ApprovalQueue queue) {
        this.queue = queue;
    }

    @Operation(summary = "Requests waiting for a person's approval, oldest first")
    @GetMapping("/api/approvals")
    List<Approval> pending(CurrentUser user) {
        ApprovalPermissions.check(user);
        return queue.pending();
    }

    @Operation(summary = "Approve a waiting request: the action it holds is carried out")
    @PostMapping("/api/approvals/{id}/approve")
    Approval approve(@PathVariable UUID id, @RequestBody(required = false) Decision decision, CurrentUser user) {
        return decide(id, true, decision, user);
    }

    @Operation(summary = "Reject a waiting request: the action it holds is not carried out")
    @PostMapping("/api/approvals/{id}/reject")
    Approval reject(@PathVariable UUID id, @RequestBody(required = false) Decision decision, CurrentUser user) {
        return decide(id, false, decision, user);
    }

    private Approval decide(UUID id, boolean approve, Decision decision, CurrentUser user) {
        ApprovalPermissions.check(user);
        try {
            return queue.decide(id, approve, user.username(), decision == null ? null : decision.note());
        } catch (ApprovalQueue.DecisionRefused refused) {
            HttpStatus status = refused.missing() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
            throw new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, refused.getMessage()), refused);
        }
    }
}
