package dev.tandem.review;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.identity.CurrentUser;

/** The review queue over the API: agents of the conversation's team, supervisors and admins. */
@Tag(name = "Review", description = "AI replies held for a person's approval before the customer sees them")
@RestController
class ReviewApi {

    /**
     * @param text the reply to send instead of the draft (an edit); empty sends the draft as written
     * @param reason why (required to reject; kept as feedback)
     * @param version the version of the held reply the reviewer saw; a stale one is refused with 409
     */
    record Decision(String text, String reason, Long version) {
    }

    private final ReviewQueue queue;

    ReviewApi(ReviewQueue queue) {
        this.queue = queue;
    }

    @Operation(summary = "Held replies waiting for you, oldest first, each with its SLA due time")
    @GetMapping("/api/review")
    List<HeldReply> pending(CurrentUser user) {
        return queue.pending(Reviewers.of(user));
    }

    @Operation(summary = "One held reply")
    @GetMapping("/api/review/{id}")
    HeldReply one(@PathVariable UUID id, CurrentUser user) {
        var reviewer = Reviewers.of(user);
        return queue.find(id).filter(reviewer::mayReview)
            .orElseThrow(() -> Reviewers.problem(new ReviewQueue.DecisionRefused("No held reply " + id + ".", 404)));
    }

    @Operation(summary = "Approve a held reply, as written or edited (text): it is sent to the customer, once")
    @PostMapping("/api/review/{id}/approve")
    HeldReply approve(@PathVariable UUID id, @RequestBody(required = false) Decision decision, CurrentUser user) {
        var reviewer = Reviewers.of(user);
        Decision d = decision == null ? new Decision(null, null, null) : decision;
        try {
            return queue.approve(id, d.text(), d.reason(), d.version(), reviewer);
        } catch (ReviewQueue.DecisionRefused refused) {
            throw Reviewers.problem(refused);
        }
    }

    @Operation(summary = "Reject a held reply with a reason: it is never sent, and a person takes the conversation")
    @PostMapping("/api/review/{id}/reject")
    HeldReply reject(@PathVariable UUID id, @RequestBody(required = false) Decision decision, CurrentUser user) {
        var reviewer = Reviewers.of(user);
        Decision d = decision == null ? new Decision(null, null, null) : decision;
        try {
            return queue.reject(id, d.reason(), d.version(), reviewer);
        } catch (ReviewQueue.DecisionRefused refused) {
            throw Reviewers.problem(refused);
        }
    }

    @Operation(summary = "Every review decision as JSON Lines (AI draft, text sent, reason, reviewer), personal data masked",
            description = "Supervisors and admins; for improving the models")
    @GetMapping(value = "/api/review/feedback.jsonl", produces = "application/jsonl")
    ResponseEntity<String> feedback(CurrentUser user) {
        Reviewers.checkExport(user);
        return FeedbackExport.of(queue);
    }
}
