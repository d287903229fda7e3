package dev.tandem.procedures;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.tandem.conversation.ConversationDetails;
import dev.tandem.conversation.AiDisclosure;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.Customer;
import dev.tandem.conversation.Message;
import dev.tandem.conversation.PostAiMessage;
import dev.tandem.escalation.Assessment;
import dev.tandem.escalation.EscalateConversation;
import dev.tandem.escalation.EscalationReason;
import dev.tandem.escalation.Finding;
import dev.tandem.escalation.Priority;
import dev.tandem.understanding.MatchableText;

/**
 * The assistant's entry to procedures: a customer message goes to the conversation's open procedure
 * run, or starts the procedure it asks for; the answer is empty when neither applies and the assistant
 * answers from knowledge as usual. The run's new state, its audit events and the reply are stored in one
 * transaction after the calls to the company's systems are made (never holding a database connection
 * while a system answers); a failure hands the conversation to a person with what the run asked,
 * verified and did.
 */
@Service
public class RunProcedures {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    /** Set on a run a person started for the customer: who did. */
    private static final String STARTED_BY = "_started_by";
    /** On a run a person started: the customer message it read last, so a message is never answered twice. */
    private static final String ANSWERED = "_answered";

    private final ProceduresProperties properties;
    private final ProcedureCatalog catalog;
    private final Triggers triggers;
    private final ProcedureEngine engine;
    private final ProcedureRuns runs;
    private final Replies replies;
    private final PostAiMessage post;
    private final EscalateConversation escalate;
    private final ConversationQueries conversations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Timer ownTime;

    private final AiDisclosure disclosure;

    RunProcedures(ProceduresProperties properties, ProcedureCatalog catalog, Triggers triggers, ProcedureEngine engine,
            ProcedureRuns runs, Replies replies, PostAiMessage post, EscalateConversation escalate,
            ConversationQueries conversations, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            MeterRegistry meters, AiDisclosure disclosure) {
        this.disclosure = disclosure;
        this.properties = properties;
        this.catalog = catalog;
        this.triggers = triggers;
        this.engine = engine;
        this.runs = runs;
        this.replies = replies;
        this.post = post;
        this.escalate = escalate;
        this.conversations = conversations;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.ownTime = Timer.builder("tandem.procedures.step")
            .description("The assistant's own time for one procedure step, the company's systems' answer time excluded")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(meters);
    }

    /**
     * The procedure a message asks for, by the same triggers that start a run, without starting one:
     * what the assist panel suggests to the agent as the next step.
     */
    public Optional<ProcedureOffer> offerFor(String message) {
        if (!properties.enabled() || message == null || message.isBlank() || catalog.all().isEmpty()) {
            return Optional.empty();
        }
        return triggers.match(catalog.all(), message)
            .map(procedure -> new ProcedureOffer(procedure.name(), procedure.title(), procedure.description()));
    }

    /**
     * @param language the customer's language as the assistant read this message; a run keeps the language it started in
     */
    public Optional<ProcedureTurn> handle(ConversationDetails details, Message message, String language) {
        if (!properties.enabled() || catalog.all().isEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        UUID conversationId = details.conversation().id();
        Optional<ProcedureRun> open = runs.open(conversationId).filter(run -> !expired(run));
        ProcedureEngine.Turn turn;
        ProcedureRun run;
        boolean isNew = false;
        if (open.isPresent() && catalog.named(open.get().procedure).isPresent()) {
            run = open.get();
            ProcedureDefinition procedure = catalog.named(run.procedure).orElseThrow();
            turn = replies.isCancel(MatchableText.of(message.text()), run.language) ? engine.cancel(run)
                    : engine.answer(procedure, run, message.text());
        } else {
            Optional<ProcedureDefinition> asked = triggers.match(catalog.all(), message.text(), language);
            if (asked.isEmpty()) {
                return Optional.empty();
            }
            run = newRun(asked.get(), details, language);
            isNew = true;
            turn = engine.start(asked.get(), run, message.text());
        }
        ProcedureTurn result = finish(run, isNew, turn, message.id());
        ownTime.record(Math.max(0, System.nanoTime() - started - turn.backendNanos), TimeUnit.NANOSECONDS);
        return Optional.of(result);
    }

    /**
     * A person who has the conversation runs {@code procedureName} for the customer (the assist panel's
     * next step): a run starts as the assistant's would, with what the conversation already holds (the
     * widget's name and email, values of earlier runs, what the latest customer message says), and its
     * first question goes to the customer at once. The person keeps the conversation: the assistant speaks
     * in it only for this run ({@link #continueForAssignee}), and a run that cannot finish leaves the person
     * a note instead of a handoff.
     *
     * @param language the customer's language (the panel's reading of the latest message)
     * @param startedBy the person's name, for the run's history
     * @throws org.springframework.web.ErrorResponseException 404 when the procedure no longer exists, 409 when
     *     procedures are off, the conversation is not assigned, or a run is already open in it
     */
    public ProcedureTurn startForAssignee(ConversationDetails details, String procedureName, String language,
            String startedBy) {
        if (!properties.enabled()) {
            throw ProcedureProblems.switchedOff();
        }
        ProcedureDefinition procedure = catalog.named(procedureName)
            .orElseThrow(() -> ProcedureProblems.noSuchProcedure(procedureName));
        UUID conversationId = details.conversation().id();
        if (details.conversation().status() != ConversationStatus.ASSIGNED) {
            throw ProcedureProblems.notWithAPerson(details.conversation().status());
        }
        Optional<ProcedureRun> open = runs.open(conversationId).filter(run -> !expired(run));
        if (open.isPresent()) {
            throw ProcedureProblems.alreadyRunning(catalog.named(open.get().procedure).map(ProcedureDefinition::title)
                .orElse(open.get().procedure), open.get().status);
        }
        long started = System.nanoTime();
        ProcedureRun run = newRun(procedure, details, language);
        run.values.put(STARTED_BY, startedBy);
        Optional<Message> latest = latestCustomerMessage(details);
        latest.ifPresent(message -> run.values.put(ANSWERED, message.id().toString()));
        run.note("note", "started for the customer by " + startedBy, now());
        ProcedureEngine.Turn turn = engine.start(procedure, run, latest.map(Message::text).orElse(""));
        ProcedureTurn result = finish(run, true, turn, null);
        ownTime.record(Math.max(0, System.nanoTime() - started - turn.backendNanos), TimeUnit.NANOSECONDS);
        return result;
    }

    /**
     * The customer's latest message in a conversation a person has goes to the run that person started, if
     * one is open and has not read that message yet; empty otherwise (a query, off the customer's request:
     * the assist panel's worker asks after every customer message in an assigned conversation).
     */
    public Optional<ProcedureTurn> continueForAssignee(ConversationDetails details) {
        if (!properties.enabled() || details.conversation().status() != ConversationStatus.ASSIGNED) {
            return Optional.empty();
        }
        Optional<ProcedureRun> open = runs.open(details.conversation().id())
            .filter(run -> run.values.containsKey(STARTED_BY))
            .filter(run -> !expired(run));
        Optional<Message> latest = latestCustomerMessage(details);
        if (open.isEmpty() || latest.isEmpty() || latest.get().id().toString().equals(open.get().values.get(ANSWERED))
                || latest.get().createdAt().isBefore(open.get().startedAt)) {
            return Optional.empty();
        }
        ProcedureRun run = open.get();
        Message message = latest.get();
        ProcedureDefinition procedure = catalog.named(run.procedure).orElse(null);
        if (procedure == null) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        run.values.put(ANSWERED, message.id().toString());
        ProcedureEngine.Turn turn = replies.isCancel(MatchableText.of(message.text()), run.language) ? engine.cancel(run)
                : engine.answer(procedure, run, message.text());
        ProcedureTurn result = finish(run, false, turn, message.id());
        ownTime.record(Math.max(0, System.nanoTime() - started - turn.backendNanos), TimeUnit.NANOSECONDS);
        return Optional.of(result);
    }

    /** The procedure open in the conversation, if any (one indexed query; for the agent's view, not the message path). */
    public Optional<RunningProcedure> running(UUID conversationId) {
        return runs.open(conversationId).filter(run -> !expired(run)).map(run -> new RunningProcedure(run.procedure,
                catalog.named(run.procedure).map(ProcedureDefinition::title).orElse(run.procedure),
                run.status == RunStatus.WAITING_APPROVAL ? "a supervisor's approval"
                        : run.awaiting == null ? "the customer"
                        : ProcedureEngine.CODE.equals(run.awaiting) ? "the customer's verification code"
                        : "the customer's " + run.awaiting.replace('_', ' '),
                run.values.get(STARTED_BY) instanceof String by ? by : null));
    }

    private static Optional<Message> latestCustomerMessage(ConversationDetails details) {
        List<Message> messages = details.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message message = messages.get(i);
            if (message.author() == dev.tandem.conversation.AuthorType.CUSTOMER && !message.internal()) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /** A person approved or rejected the action a run waits for: the run goes on and the customer is told. */
    void decided(UUID runId, boolean approved, String by) {
        runs.find(runId).filter(run -> run.status == RunStatus.WAITING_APPROVAL).ifPresent(run -> {
            ProcedureDefinition procedure = catalog.named(run.procedure).orElseThrow();
            finish(run, false, engine.decided(procedure, run, approved, by), null);
        });
    }

    /** The conversation went to a person by another way (the customer asked, the policy decided): the run stops there. */
    void handedOff(UUID conversationId) {
        runs.open(conversationId).filter(run -> run.status == RunStatus.ACTIVE).ifPresent(run -> transactions.executeWithoutResult(tx -> {
            run.status = RunStatus.HANDED_OFF;
            run.awaiting = null;
            run.finishedAt = now();
            run.updatedAt = now();
            run.note("note", "handed to a person while waiting for the customer", now());
            runs.update(run);
        }));
    }

    /**
     * The conversation was resolved: a run a person started in it and that still waits for the customer ends
     * with it, so that a customer who writes again after a reopening does not answer a question of the
     * earlier contact. (The assistant's own runs end by their idle timeout, as before.)
     */
    void resolved(UUID conversationId) {
        runs.open(conversationId)
            .filter(run -> run.status == RunStatus.ACTIVE && run.values.containsKey(STARTED_BY))
            .ifPresent(run -> {
                run.status = RunStatus.CANCELLED;
                run.awaiting = null;
                run.finishedAt = now();
                run.updatedAt = now();
                run.note("note", "ended with the conversation, which was resolved", now());
                runs.update(run);
            });
    }

    /** Closes a run the customer left: the next message starts afresh. */
    void expire(UUID runId) {
        runs.find(runId).filter(run -> run.status == RunStatus.ACTIVE).ifPresent(run -> transactions.executeWithoutResult(tx -> {
            run.status = RunStatus.EXPIRED;
            run.awaiting = null;
            run.finishedAt = now();
            run.updatedAt = now();
            run.note("note", "expired after " + properties.idleTimeout() + " without an answer", now());
            runs.update(run);
        }));
    }

    private boolean expired(ProcedureRun run) {
        if (run.status == RunStatus.ACTIVE && run.updatedAt.isBefore(now().minus(properties.idleTimeout()))) {
            expire(run.id);
            return true;
        }
        return false;
    }

    /**
     * Values given earlier in the conversation are not asked again: the customer's name and email from the
     * widget, and what earlier runs collected and verified.
     */
    private ProcedureRun newRun(ProcedureDefinition procedure, ConversationDetails details, String language) {
        Map<String, Object> values = new LinkedHashMap<>();
        Customer customer = details.conversation().customer();
        if (customer != null && customer.email() != null && !customer.email().isBlank()) {
            values.put("email", customer.email().strip().toLowerCase());
        }
        if (customer != null && customer.name() != null && !customer.name().isBlank()) {
            values.put("name", customer.name().strip());
        }
        for (ProcedureRun earlier : runs.byConversation(details.conversation().id())) {
            values.putAll(earlier.customerValues());
            if (earlier.values.get("_verified") instanceof List<?> verified) {
                values.put("_verified", new ArrayList<>(verified));
            }
        }
        values.putIfAbsent("name", "");
        UUID id = IDS.generate();
        values.put("conversation", details.conversation().id().toString());
        values.put("run", id.toString());
        String spoken = Replies.LANGUAGES.contains(language) ? language : "en";
        Instant now = now();
        return new ProcedureRun(id, details.conversation().id(), procedure.name(), spoken, now, 0, RunStatus.ACTIVE, 0,
                null, 0, values, List.of(), now, null);
    }

    private ProcedureTurn finish(ProcedureRun run, boolean isNew, ProcedureEngine.Turn turn, UUID messageId) {
        boolean firstReply = conversations.forCustomer(run.conversationId).stream()
            .flatMap(details -> details.messages().stream())
            .noneMatch(m -> m.author() == dev.tandem.conversation.AuthorType.AI);
        run.updatedAt = now();
        return transactions.execute(tx -> {
            if (isNew) {
                runs.insert(run);
            } else {
                runs.update(run);
            }
            turn.actions.forEach(events::publishEvent);
            if (turn.completed) {
                events.publishEvent(new ProcedureCompleted(run.id, run.conversationId, run.procedure,
                        (int) run.history.stream().filter(e -> e.kind().equals("asked")).count(), run.startedAt, run.finishedAt));
            }
            List<Message> posted = new ArrayList<>();
            boolean forAssignee = run.values.containsKey(STARTED_BY);
            if (!turn.said.isEmpty()) {
                List<String> said = new ArrayList<>(turn.said);
                if (firstReply) {
                    // the customer learns in the first reply that they talk to an AI, whoever writes it
                    said.add(0, disclosure.text(run.language, run.conversationId));
                }
                String text = String.join("\n\n", said);
                (forAssignee ? post.postForAssignee(run.conversationId, text) : post.post(run.conversationId, text, List.of()))
                    .ifPresent(posted::add);
            }
            if (turn.handoff != null && forAssignee) {
                // the person who started it has the conversation already: they are told, nobody is queued
                post.noteForAssignee(run.conversationId, catalog.named(run.procedure).map(ProcedureDefinition::title)
                    .orElse(run.procedure) + " stopped: " + turn.handoff).ifPresent(posted::add);
            } else if (turn.handoff != null) {
                var outcome = escalate.escalate(run.conversationId, messageId, new Assessment(List.of(new Finding(
                        EscalationReason.TASK_FAILED, "procedure:" + run.procedure, turn.handoff, Priority.NORMAL,
                        run.procedure))), run.language);
                outcome.notice().ifPresent(posted::add);
                return new ProcedureTurn(outcome.status(), posted);
            }
            ConversationStatus status = conversations.summary(run.conversationId).map(s -> s.status()).orElse(ConversationStatus.AI);
            return new ProcedureTurn(status, posted);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
