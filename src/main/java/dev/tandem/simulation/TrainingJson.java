package dev.tandem.simulation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The training API's shapes. */
final class TrainingJson {

    private TrainingJson() {
    }

    record ScenarioJson(String id, String kind, String language, String customer, String mood, boolean vulnerable,
            String opening) {

        static ScenarioJson of(Scenario s) {
            return new ScenarioJson(s.id(), s.kind().label(), s.language(), s.persona().name(),
                    s.persona().mood().name().toLowerCase(java.util.Locale.ROOT), s.persona().vulnerable(), s.opening());
        }
    }

    record TurnJson(int seq, String author, String text, Instant at) {
    }

    record NoteJson(String text, String by, Instant at) {
    }

    /**
     * @param backOffice what the order system shows for a procedure, once the customer has given what identifies them
     * @param score the goal and the rubric with evidence, once the session is finished
     */
    record SessionJson(UUID id, UUID agentId, String agentName, ScenarioJson scenario, String status, String endedBy,
            boolean customerUpset, List<TurnJson> turns, List<String> backOffice, TrainingScore score, NoteJson note,
            Instant startedAt, Instant finishedAt) {

        static SessionJson of(TrainingSessions.Shown shown) {
            TrainingStore.Session s = shown.session();
            return new SessionJson(s.id(), s.agentId(), shown.agentName(), ScenarioJson.of(shown.scenario()), s.status().name(),
                    s.endedBy() == null ? null : s.endedBy().name(), shown.customerUpset(),
                    shown.turns().stream().map(t -> new TurnJson(t.seq(), t.author().name(), t.text(), t.at())).toList(),
                    shown.backOffice(), s.score(),
                    s.coachNote() == null ? null : new NoteJson(s.coachNote(), shown.coachName(), s.coachNoteAt()),
                    s.startedAt(), s.finishedAt());
        }
    }

    record HistoryJson(UUID id, UUID agentId, String agentName, String scenarioId, String kind, String language,
            String customer, String status, String endedBy, Boolean goalMet, Long rubricPassed, Long rubricApplicable,
            boolean coachNote, Instant startedAt, Instant finishedAt) {
    }

    record PassageJson(String articleId, String title, String url, String snippet) {
    }
}
