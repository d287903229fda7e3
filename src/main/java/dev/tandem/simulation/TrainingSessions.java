package dev.tandem.simulation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.Role;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;

/**
 * The training sandbox's use cases: start a session on a scenario, send the agent's message and get the customer's
 * answer, finish and score, the coach's note, and who sees what. It writes only the sandbox's own tables and
 * publishes no event: no conversation, routing, outcome, ledger, audit entry or email comes of practice.
 *
 * <p>Who sees a session: the person who practised; admins; supervisors, their coaches, when they share a team with
 * that person (a supervisor in no team oversees every team, as elsewhere in the workspace). Agents never see each
 * other's sessions; a session one cannot see is "not found", so its existence does not leak.
 */
@Service
@Transactional
class TrainingSessions {

    static final int MAX_TEXT = 4000;
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final TrainingStore store;
    private final TrainingScenarios scenarios;
    private final TrainingVoice voice;
    private final TrainingRubric rubric;
    private final UserDirectory directory;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TrainingSessions(TrainingStore store, TrainingScenarios scenarios, TrainingVoice voice, TrainingRubric rubric,
            UserDirectory directory, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.scenarios = scenarios;
        this.voice = voice;
        this.rubric = rubric;
        this.directory = directory;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A session with everything a page or the API shows. */
    record Shown(TrainingStore.Session session, Scenario scenario, List<TrainingTurn> turns, String agentName,
            String coachName, boolean customerUpset, List<String> backOffice, boolean mine, boolean coaching) {
    }

    /**
     * @param scenarioId the scenario; blank for "surprise me" among {@code kind} and {@code language}
     */
    Shown start(CurrentUser me, String scenarioId, String kind, String language) {
        requirePractitioner(me);
        Scenario scenario;
        if (scenarioId != null && !scenarioId.isBlank()) {
            scenario = scenarios.byId(scenarioId.strip())
                .orElseThrow(() -> problem(HttpStatus.BAD_REQUEST, "No training scenario '" + scenarioId.strip()
                        + "'; GET /api/training/scenarios lists them."));
        } else {
            scenario = scenarios.surprise(kind, language).orElseThrow(() -> problem(HttpStatus.BAD_REQUEST,
                    "No training scenario matches kind '" + blankAsAny(kind) + "' and language '" + blankAsAny(language) + "'."));
        }
        Instant now = clock.instant();
        var session = new TrainingStore.Session(IDS.generate(), me.id(), scenario.id(), scenario.kind(), scenario.language(),
                scenario.persona().name(), TrainingStore.Status.ACTIVE, null, null, null, null, null, now, null, 0);
        store.insert(session);
        String opening = voice.say(scenario, "open", scenario.opening(), List.of());
        store.addTurn(session.id(), 1, TrainingTurn.Author.CUSTOMER, clip(opening), null, now);
        return show(me, session.id());
    }

    /**
     * The agent's message and the customer's answer (if any); the session ends when the customer gives up. The
     * answer is worded before the write (a language model may take seconds and holds no connection meanwhile); the
     * write then checks the session's version, so a message sent at the same moment is refused, not interleaved.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    Shown turn(CurrentUser me, UUID id, String text, String clientTurnId) {
        TrainingStore.Session session = own(me, id);
        if (text == null || text.isBlank()) {
            throw problem(HttpStatus.BAD_REQUEST, "text is required: the message to the customer.");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw problem(HttpStatus.BAD_REQUEST, "text is at most " + MAX_TEXT + " characters.");
        }
        if (clientTurnId != null && clientTurnId.length() > 100) {
            throw problem(HttpStatus.BAD_REQUEST, "clientTurnId is at most 100 characters.");
        }
        String clientId = clientTurnId == null || clientTurnId.isBlank() ? null : clientTurnId;
        if (clientId != null && store.hasClientTurn(id, clientId)) {
            return show(me, id); // a retried send: stored once
        }
        if (session.status() != TrainingStore.Status.ACTIVE) {
            throw problem(HttpStatus.CONFLICT, session.endedBy() == TrainingStore.EndedBy.CUSTOMER
                    ? "The customer has left this session; its score is ready." : "This session is finished.");
        }
        Scenario scenario = scenario(session);
        List<TrainingTurn> turns = new ArrayList<>(store.turns(id));
        var customer = TrainingCustomer.replay(scenario, turns.stream().filter(TrainingTurn::byAgent).map(TrainingTurn::text).toList());
        String said = text.strip();
        int seq = turns.size() + 1;
        turns.add(new TrainingTurn(seq, TrainingTurn.Author.AGENT, said, clock.instant()));
        TrainingCustomer.Reaction reaction = customer.react(said);
        String answer = reaction.scripted() == null ? null
                : clip(voice.say(scenario, reaction.intent(), reaction.scripted(), turns));
        transactions.executeWithoutResult(tx -> {
            if (!store.touch(id, session.version())) {
                throw problem(HttpStatus.CONFLICT, "Another message was sent in this session at the same moment; reload it.");
            }
            store.addTurn(id, seq, TrainingTurn.Author.AGENT, said, clientId, turns.get(seq - 1).at());
            if (answer != null) {
                Instant now = clock.instant();
                store.addTurn(id, seq + 1, TrainingTurn.Author.CUSTOMER, answer, null, now);
                turns.add(new TrainingTurn(seq + 1, TrainingTurn.Author.CUSTOMER, answer, now));
            }
            if (reaction.leaves()) {
                store.finish(id, TrainingStore.EndedBy.CUSTOMER, rubric.score(scenario, turns), clock.instant());
            }
        });
        return show(me, id);
    }

    /** Ends the session and scores it; finishing a finished session changes nothing. */
    Shown finish(CurrentUser me, UUID id) {
        TrainingStore.Session session = own(me, id);
        if (session.status() == TrainingStore.Status.ACTIVE) {
            if (!store.touch(id, session.version())) {
                throw problem(HttpStatus.CONFLICT, "The session changed while finishing it; reload it.");
            }
            store.finish(id, TrainingStore.EndedBy.AGENT, rubric.score(scenario(session), store.turns(id)), clock.instant());
        }
        return show(me, id);
    }

    /** The coach's note on someone's session (replacing an earlier one). */
    Shown note(CurrentUser me, UUID id, String note) {
        TrainingStore.Session session = visible(me, id);
        if (!coaches(me, session.agentId())) {
            throw problem(HttpStatus.FORBIDDEN, "Only a coach (a supervisor of the agent's team, or an admin) adds a note.");
        }
        if (note == null || note.isBlank() || note.strip().length() > MAX_TEXT) {
            throw problem(HttpStatus.BAD_REQUEST, "note is required, at most " + MAX_TEXT + " characters.");
        }
        store.note(id, note.strip(), me.id(), clock.instant());
        return show(me, id);
    }

    @Transactional(readOnly = true)
    Shown show(CurrentUser me, UUID id) {
        TrainingStore.Session session = visible(me, id);
        // a kept session stays readable (with its stored score) after its scenario left the file
        Scenario scenario = scenarios.byId(session.scenarioId()).orElseGet(() -> new Scenario(session.scenarioId(),
                session.kind(), new Scenario.Persona(session.customerName(), null, session.language(), 0, Scenario.Mood.CALM,
                        false), new Scenario.Goal(List.of(), List.of(), null), "(no longer in the scenario file)", List.of(),
                Map.of(), Scenario.Expect.RESOLVED, null));
        List<TrainingTurn> turns = store.turns(id);
        var customer = TrainingCustomer.replay(scenario, turns.stream().filter(TrainingTurn::byAgent).map(TrainingTurn::text).toList());
        List<String> backOffice = scenario.kind() == Scenario.Kind.PROCEDURE && customer.verified()
                ? scenario.goal().facts().stream().map(f -> f.split("\\|")[0]).toList() : List.of();
        return new Shown(session, scenario, turns, name(session.agentId()),
                session.coachId() == null ? null : name(session.coachId()), customer.upset(), backOffice,
                session.agentId().equals(me.id()), coaches(me, session.agentId()));
    }

    /** The caller's own sessions and, for a coach, those of the agents they coach; newest first. */
    @Transactional(readOnly = true)
    List<TrainingStore.Session> history(CurrentUser me, int limit) {
        if (me.hasRole(Role.ADMIN) || (me.hasRole(Role.SUPERVISOR) && me.teamIds().isEmpty())) {
            return store.byAgents(null, limit);
        }
        Set<UUID> agents = new HashSet<>(Set.of(me.id()));
        if (me.hasRole(Role.SUPERVISOR)) {
            directory.users().stream().filter(u -> u.teamIds().stream().anyMatch(me.teamIds()::contains))
                .map(UserSummary::id).forEach(agents::add);
        }
        return store.byAgents(agents, limit);
    }

    String name(UUID user) {
        return directory.user(user).map(UserSummary::displayName).orElse("(removed user)");
    }

    private Scenario scenario(TrainingStore.Session session) {
        return scenarios.byId(session.scenarioId()).orElseThrow(() -> problem(HttpStatus.CONFLICT, "The scenario '"
                + session.scenarioId() + "' of this session is no longer in the scenario file."));
    }

    private TrainingStore.Session visible(CurrentUser me, UUID id) {
        TrainingStore.Session session = store.find(id).orElse(null);
        if (session == null || !(session.agentId().equals(me.id()) || coaches(me, session.agentId()))) {
            throw problem(HttpStatus.NOT_FOUND, "No training session " + id + " that you can see.");
        }
        return session;
    }

    /** Only the person practising talks in their session; a coach reads it. */
    private TrainingStore.Session own(CurrentUser me, UUID id) {
        TrainingStore.Session session = visible(me, id);
        if (!session.agentId().equals(me.id())) {
            throw problem(HttpStatus.FORBIDDEN, "This is someone else's practice session: you can read it, not take part.");
        }
        return session;
    }

    private boolean coaches(CurrentUser me, UUID agent) {
        if (agent.equals(me.id())) {
            return false;
        }
        if (me.hasRole(Role.ADMIN)) {
            return true;
        }
        if (!me.hasRole(Role.SUPERVISOR)) {
            return false;
        }
        return me.teamIds().isEmpty() || directory.user(agent).map(u -> u.teamIds().stream().anyMatch(me.teamIds()::contains))
            .orElse(false);
    }

    static void requirePractitioner(CurrentUser me) {
        if (!me.hasRole(Role.AGENT) && !me.hasRole(Role.SUPERVISOR) && !me.hasRole(Role.ADMIN)) {
            throw problem(HttpStatus.FORBIDDEN, "Training is for agents, supervisors and admins.");
        }
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static String blankAsAny(String value) {
        return value == null || value.isBlank() ? "any" : value.strip();
    }

    static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
