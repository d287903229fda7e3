package dev.tandem.assist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Message;
import dev.tandem.guardrails.AgentView;
import dev.tandem.identity.CurrentUser;
import dev.tandem.procedures.ProcedureTurn;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assist over HTTP: macros (read by agents, written by curators and admins), feedback on a suggestion,
 * running the offered procedure for the customer, the figures per suggestion kind and the JSONL export of
 * every suggestion (supervisors and admins).
 */
@RestController
@RequestMapping("/api/assist")
class AssistApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Macros macros;
    private final SuggestionFeedback feedback;
    private final SuggestionRecords records;
    private final RunProcedureForCustomer runProcedure;
    private final AgentView agentView;

    AssistApi(Macros macros, SuggestionFeedback feedback, SuggestionRecords records, RunProcedureForCustomer runProcedure,
            AgentView agentView) {
        this.agentView = agentView;
        this.macros = macros;
        this.feedback = feedback;
        this.records = records;
        this.runProcedure = runProcedure;
    }

    record FeedbackRequest(String outcome, String text) {
    }

    record ProcedureRequest(String procedure) {
    }

    /** What the procedure did when it started: the conversation's status and what the assistant asked or said. */
    record ProcedureStarted(String procedure, ConversationStatus status, List<Said> messages) {
    }

    /** A message the run posted, personal data masked as the caller's role requires. */
    record Said(UUID id, AuthorType author, String text, boolean internal, Instant createdAt) {

        static Said of(Message message, UnaryOperator<String> mask) {
            return new Said(message.id(), message.author(), mask.apply(message.text()), message.internal(),
                    message.createdAt());
        }
    }

    /**
     * {@code {"procedure": "order-status"}}: runs the procedure for the customer in a conversation assigned to
     * the caller (the panel's next step); the customer's answers go to it until it ends.
     */
    @PostMapping("/conversations/{id}/procedure")
    ResponseEntity<ProcedureStarted> runProcedure(CurrentUser me, @PathVariable UUID id,
            @RequestBody(required = false) ProcedureRequest request) {
        ProcedureTurn turn = runProcedure.run(me, id, request == null ? null : request.procedure());
        UnaryOperator<String> mask = agentView.maskFor(me);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ProcedureStarted(request.procedure().strip(),
                turn.status(), turn.messages().stream().map(m -> Said.of(m, mask)).toList()));
    }

    @GetMapping("/macros")
    List<Macro> macros(CurrentUser me, @RequestParam(defaultValue = "") String q) {
        return macros.search(me, q, 500);
    }

    @PostMapping("/macros")
    ResponseEntity<Macro> create(CurrentUser me, @RequestBody Macros.Draft draft) {
        AssistProblems.requireCurator(me);
        return ResponseEntity.status(HttpStatus.CREATED).body(macros.create(draft));
    }

    @PutMapping("/macros/{id}")
    Macro update(CurrentUser me, @PathVariable UUID id, @RequestBody Macros.Draft draft) {
        AssistProblems.requireCurator(me);
        return macros.update(id, draft);
    }

    @DeleteMapping("/macros/{id}")
    ResponseEntity<Void> delete(CurrentUser me, @PathVariable UUID id) {
        AssistProblems.requireCurator(me);
        macros.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** {@code {"outcome": "USED"|"EDITED"|"SENT"|"DISMISSED", "text": "what was sent"}}; the stored row back. */
    @PostMapping("/suggestions/{id}/feedback")
    SuggestionRecords.Shown feedback(CurrentUser me, @PathVariable UUID id, @RequestBody FeedbackRequest request) {
        AssistProblems.requireAgent(me);
        if (request == null || request.outcome() == null) {
            throw AssistProblems.invalid("outcome is required: USED, EDITED, SENT or DISMISSED.");
        }
        return feedback.record(me, id, request.outcome(), request.text());
    }

    @GetMapping("/feedback")
    List<SuggestionRecords.Figures> figures(CurrentUser me) {
        AssistProblems.requireSupervisor(me);
        return records.figures();
    }

    /** One JSON object a line per suggestion shown, oldest first. */
    @GetMapping(path = "/feedback.jsonl", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(CurrentUser me) {
        AssistProblems.requireSupervisor(me);
        StreamingResponseBody body = out -> records.each(shown -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", shown.id());
            line.put("conversationId", shown.conversationId());
            line.put("messageId", shown.messageId());
            line.put("kind", shown.kind());
            line.put("source", shown.source());
            line.put("position", shown.position());
            line.put("text", shown.text());
            line.put("score", shown.score());
            line.put("shownAt", shown.shownAt().toString());
            line.put("outcome", shown.outcome());
            line.put("finalText", shown.finalText());
            line.put("editDistance", shown.editDistance());
            line.put("agentId", shown.agentId());
            line.put("outcomeAt", shown.outcomeAt() == null ? null : shown.outcomeAt().toString());
            try {
                out.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }
}
