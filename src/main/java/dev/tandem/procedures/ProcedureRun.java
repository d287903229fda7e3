package dev.tandem.procedures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of a procedure in a conversation, as stored: the step it is at, the value it waits for, the
 * values it has, and its history (what was asked, verified and done), which the handoff packet shows.
 * Values whose names start with {@code _} are the run's own (a code's hash, verifications passed) and are
 * never shown or carried to another run, except the verifications.
 */
final class ProcedureRun {

    /** One line of history: {@code kind} is asked, verified, done, failed, approval or note. */
    record Event(String kind, String text, Instant at) {
    }

    final UUID id;
    final UUID conversationId;
    final String procedure;
    final String language;
    final Instant startedAt;
    final long version;
    RunStatus status;
    int step;
    String awaiting;
    int attempts;
    final Map<String, Object> values;
    final List<Event> history;
    Instant updatedAt;
    Instant finishedAt;

    ProcedureRun(UUID id, UUID conversationId, String procedure, String language, Instant startedAt, long version,
            RunStatus status, int step, String awaiting, int attempts, Map<String, Object> values, List<Event> history,
            Instant updatedAt, Instant finishedAt) {
        this.id = id;
        this.conversationId = conversationId;
        this.procedure = procedure;
        this.language = language;
        this.startedAt = startedAt;
        this.version = version;
        this.status = status;
        this.step = step;
        this.awaiting = awaiting;
        this.attempts = attempts;
        this.values = new LinkedHashMap<>(values);
        this.history = new ArrayList<>(history);
        this.updatedAt = updatedAt;
        this.finishedAt = finishedAt;
    }

    void note(String kind, String text, Instant at) {
        history.add(new Event(kind, text, at));
    }

    /** The values the customer gave or the systems told, without the run's own. */
    Map<String, Object> customerValues() {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!name.startsWith("_") && !name.equals("conversation") && !name.equals("run")) {
                shown.put(name, value);
            }
        });
        return shown;
    }
}
