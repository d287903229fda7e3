package dev.tandem.insight;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.tandem.guardrails.AgentView;
import dev.tandem.identity.CurrentUser;

/** A conversation's summary for the agents who may see the conversation: read it, its versions, edit it. */
@RestController
@RequestMapping("/api/conversations/{id}/summary")
@Tag(name = "Conversations", description = "The agent side: queues, replies, assignment")
class SummaryApi {

    private final Summaries summaries;
    private final AgentView agentView;

    SummaryApi(Summaries summaries, AgentView agentView) {
        this.summaries = summaries;
        this.agentView = agentView;
    }

    @GetMapping
    @Operation(summary = "The conversation's current summary: reason for contact, key details, actions taken, "
            + "outcome, follow-ups; 404 until one is made (on handoff and on resolution) or written")
    Summary summary(CurrentUser user, @PathVariable UUID id) {
        return summaries.current(user, id).map(summary -> summary.masked(agentView.maskFor(user)))
            .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "Conversation " + id + " has no summary yet: one is made when it is "
                            + "handed to a person and when it is resolved, or write one with PUT (version 0)."),
                    null));
    }

    @GetMapping("/versions")
    @Operation(summary = "Every version of the summary, newest first: the automatic ones and each agent's edit")
    List<Summary> versions(CurrentUser user, @PathVariable UUID id) {
        var mask = agentView.maskFor(user);
        return summaries.versions(user, id).stream().map(summary -> summary.masked(mask)).toList();
    }

    @PutMapping
    @Operation(summary = "Saves an edit of the summary as its next version; `version` is the version edited "
            + "(0 when there is none yet), and 409 says someone changed it since")
    Summary edit(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Summaries.Edit edit) {
        return summaries.edit(user, id, edit).masked(agentView.maskFor(user));
    }
}
