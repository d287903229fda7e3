package dev.tandem.simulation;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tandem.identity.CurrentUser;

/**
 * The training sandbox over HTTP: the scenarios, a session's start, turns, finish and score, the history and the
 * coach's note, and the knowledge search beside a session.
 */
@RestController
@RequestMapping("/api/training")
class TrainingApi {

    private final TrainingSessions sessions;
    private final TrainingScenarios scenarios;
    private final TrainingKnowledge knowledge;

    TrainingApi(TrainingSessions sessions, TrainingScenarios scenarios, TrainingKnowledge knowledge) {
        this.sessions = sessions;
        this.scenarios = scenarios;
        this.knowledge = knowledge;
    }

    /** {@code scenarioId}, or none for "surprise me" among {@code kind} and {@code language} (both optional). */
    record StartRequest(String scenarioId, String kind, String language) {
    }

    /** The agent's message; the same {@code clientTurnId} twice stores one message. */
    record TurnRequest(String text, String clientTurnId) {
    }

    record NoteRequest(String note) {
    }

    @GetMapping("/scenarios")
    List<TrainingJson.ScenarioJson> scenarios(CurrentUser me, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String language) {
        TrainingSessions.requirePractitioner(me);
        return scenarios.filter(kind, language).stream().map(TrainingJson.ScenarioJson::of).toList();
    }

    @PostMapping("/sessions")
    ResponseEntity<TrainingJson.SessionJson> start(CurrentUser me, @RequestBody(required = false) StartRequest request) {
        var shown = request == null ? sessions.start(me, null, null, null)
                : sessions.start(me, request.scenarioId(), request.kind(), request.language());
        return ResponseEntity.status(HttpStatus.CREATED).body(TrainingJson.SessionJson.of(shown));
    }

    @GetMapping("/sessions")
    List<TrainingJson.HistoryJson> history(CurrentUser me, @RequestParam(defaultValue = "200") int limit) {
        return sessions.history(me, Math.max(1, Math.min(limit, 1000))).stream()
            .map(s -> new TrainingJson.HistoryJson(s.id(), s.agentId(), sessions.name(s.agentId()), s.scenarioId(),
                    s.kind().label(), s.language(), s.customerName(), s.status().name(),
                    s.endedBy() == null ? null : s.endedBy().name(), s.score() == null ? null : s.score().goalMet(),
                    s.score() == null ? null : s.score().passed(), s.score() == null ? null : s.score().applicable(),
                    s.coachNote() != null, s.startedAt(), s.finishedAt()))
            .toList();
    }

    @GetMapping("/sessions/{id}")
    TrainingJson.SessionJson session(CurrentUser me, @PathVariable UUID id) {
        return TrainingJson.SessionJson.of(sessions.show(me, id));
    }

    @PostMapping("/sessions/{id}/turns")
    ResponseEntity<TrainingJson.SessionJson> turn(CurrentUser me, @PathVariable UUID id, @RequestBody TurnRequest request) {
        var shown = sessions.turn(me, id, request.text(), request.clientTurnId());
        return ResponseEntity.status(HttpStatus.CREATED).body(TrainingJson.SessionJson.of(shown));
    }

    @PostMapping("/sessions/{id}/finish")
    TrainingJson.SessionJson finish(CurrentUser me, @PathVariable UUID id) {
        return TrainingJson.SessionJson.of(sessions.finish(me, id));
    }

    @PostMapping("/sessions/{id}/note")
    TrainingJson.SessionJson note(CurrentUser me, @PathVariable UUID id, @RequestBody NoteRequest request) {
        return TrainingJson.SessionJson.of(sessions.note(me, id, request.note()));
    }

    /** The knowledge an agent would search while answering this session's customer (its own session only). */
    @GetMapping("/sessions/{id}/knowledge")
    List<TrainingJson.PassageJson> knowledge(CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) String q) {
        var shown = sessions.show(me, id);
        return knowledge.search(q, shown.session().language());
    }
}
