package dev.tandem.procedures;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tandem.approvals.ApprovalQueue;
import dev.tandem.mail.Outbox;
import dev.tandem.procedures.ProcedureDefinition.Step;
import tools.jackson.databind.JsonNode;

/**
 * Moves a run through its procedure's steps, one customer turn at a time: reads the customer's answer to
 * the question the run waits on, then runs steps until one needs the customer again (a question, a code),
 * a person (approval, handoff), or the procedure ends. It says what the assistant replies but posts
 * nothing and stores nothing: {@link RunProcedures} does, in one transaction, after the calls are made.
 *
 * <p>A call that changes something sends an idempotency key derived from the run and the step (or the
 * procedure's own template), so the same action tried again, by a retry, after a restart or after an
 * approval event delivered twice, is done once by the system that receives it.
 */
@Component
class ProcedureEngine {

    static final String APPROVAL_KIND = "procedure-action";
    static final String CODE = "_code";
    private static final String VERIFIED = "_verified";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What one turn of a run produced. */
    static final class Turn {

        final List<String> said = new ArrayList<>();
        final List<ProcedureActionTaken> actions = new ArrayList<>();
        /** Set when the run hands the conversation to a person: why, for the agent. */
        String handoff;
        boolean completed;
        long backendNanos;
    }

    private final ProceduresProperties properties;
    private final Conditions conditions;
    private final Replies replies;
    private final HttpConnector connector;
    private final Outbox outbox;
    private final ApprovalQueue approvals;
    private final Clock clock;

    ProcedureEngine(ProceduresProperties properties, Conditions conditions, Replies replies, HttpConnector connector,
            Outbox outbox, ApprovalQueue approvals, Clock clock) {
        this.properties = properties;
        this.conditions = conditions;
        this.replies = replies;
        this.connector = connector;
        this.outbox = outbox;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** A new run: values the first message already holds are taken, then the steps run. */
    Turn start(ProcedureDefinition procedure, ProcedureRun run, String message) {
        Turn turn = new Turn();
        run.note("note", "started by: " + PiiMask.maskText(message), now());
        takeMentions(procedure, run, message);
        advance(procedure, run, turn);
        return turn;
    }

    /** The customer's next message in an open run. */
    Turn answer(ProcedureDefinition procedure, ProcedureRun run, String message) {
        Turn turn = new Turn();
        if (run.status == RunStatus.WAITING_APPROVAL) {
            turn.said.add(say("approval.still-waiting", run));
            return turn;
        }
        if (CODE.equals(run.awaiting)) {
            if (!checkCode(procedure, run, message, turn)) {
                return turn;
            }
        } else if (run.awaiting != null) {
            Step step = procedure.steps().get(run.step);
            ValueType type = ValueType.named(step.type());
            Optional<Object> value = type.answer(message).filter(v -> inRange(step, v, run));
            if (value.isEmpty()) {
                invalid(procedure, run, step, turn);
                return turn;
            }
            run.values.put(step.ask(), value.get());
            run.note("asked", step.ask() + ": " + shown(step.ask(), value.get()), now());
            run.awaiting = null;
            run.attempts = 0;
        }
        takeMentions(procedure, run, message);
        advance(procedure, run, turn);
        return turn;
    }

    /** A person decided on the action the run waits for. */
    Turn decided(ProcedureDefinition procedure, ProcedureRun run, boolean approved, String by) {
        Turn turn = new Turn();
        Step step = procedure.steps().get(run.step);
        run.status = RunStatus.ACTIVE;
        turn.actions.add(action(run, "approval", Map.of("approval", step.approval()), (approved ? "approved by " : "rejected by ") + by));
        if (!approved) {
            run.note("approval", step.approval() + " rejected by " + by, now());
            turn.said.add(say(step.rejectedReply() != null ? step.rejectedReply() : "approval.rejected", run));
            handOff(run, turn, "A person rejected the " + step.approval() + " the assistant prepared; the customer needs an explanation.");
            return turn;
        }
        run.note("approval", step.approval() + " approved by " + by, now());
        run.values.put("_approved_" + run.step, true);
        advance(procedure, run, turn);
        return turn;
    }

    Turn cancel(ProcedureRun run) {
        Turn turn = new Turn();
        run.status = RunStatus.CANCELLED;
        run.awaiting = null;
        run.finishedAt = now();
        run.note("note", "cancelled by the customer", now());
        turn.said.add(say(run.history.stream().anyMatch(e -> e.kind().equals("done")) ? "procedure.cancelled-after-action"
                : "procedure.cancelled", run));
        return turn;
    }

    private void advance(ProcedureDefinition procedure, ProcedureRun run, Turn turn) {
        List<Step> steps = procedure.steps();
        while (run.step < steps.size()) {
            Step step = steps.get(run.step);
            if (step.when() != null && !conditions.holds(step.when(), run.values)) {
                run.step++;
                continue;
            }
            boolean goOn = switch (step.kind()) {
                case ASK -> ask(procedure, run, step, turn);
                case VERIFY -> "email-code".equals(step.verify()) ? emailCode(run, step, turn) : verifyByCall(procedure, run, step, turn);
                case CALL -> call(procedure, run, step, turn);
                case APPROVAL -> approval(procedure, run, step, turn);
                case REPLY -> {
                    turn.said.add(say(step.reply(), run));
                    if (step.end()) {
                        complete(run, turn);
                        yield false;
                    }
                    yield true;
                }
                case ESCALATE -> {
                    handOff(run, turn, Templates.render(step.escalate(), run.values));
                    yield false;
                }
            };
            if (!goOn) {
                return;
            }
            run.step++;
        }
        complete(run, turn);
    }

    private boolean ask(ProcedureDefinition procedure, ProcedureRun run, Step step, Turn turn) {
        Object known = run.values.get(step.ask());
        if (known != null && inRange(step, known, run)) {
            return true;
        }
        if (known != null) {
            // given unasked but out of range: say why, then ask
            run.values.remove(step.ask());
            turn.said.add(say(invalidKey(step), run));
        }
        run.awaiting = step.ask();
        run.attempts = 0;
        limit(step, run);
        turn.said.add(say(step.prompt() != null ? step.prompt() : "ask." + step.ask(), run));
        return false;
    }

    private void invalid(ProcedureDefinition procedure, ProcedureRun run, Step step, Turn turn) {
        run.attempts++;
        if (run.attempts >= properties.maxAttempts()) {
            run.note("failed", "no valid " + step.ask() + " after " + run.attempts + " tries", now());
            turn.said.add(say("procedure.stuck", run));
            handOff(run, turn, "The customer could not give a valid " + step.ask().replace('_', ' ') + " in "
                    + run.attempts + " tries during " + procedure.title() + ".");
            return;
        }
        turn.said.add(say(invalidKey(step), run));
    }

    private String invalidKey(Step step) {
        return "invalid." + step.type();
    }

    private boolean inRange(Step step, Object value, ProcedureRun run) {
        if (!(value instanceof BigDecimal amount)) {
            return true;
        }
        BigDecimal limit = limit(step, run);
        return amount.signum() > 0 && (limit == null || amount.compareTo(limit) <= 0);
    }

    /** The step's highest accepted amount, kept as {@code max_<value>} for the question and the hint. */
    private BigDecimal limit(Step step, ProcedureRun run) {
        if (step.max() == null) {
            return null;
        }
        Object max = conditions.evaluate(step.max(), run.values);
        BigDecimal limit = max instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(max));
        run.values.put("max_" + step.ask(), limit);
        return limit;
    }

    /** Values a message names unmistakably, for questions the run has not asked yet. */
    private void takeMentions(ProcedureDefinition procedure, ProcedureRun run, String message) {
        for (Step step : procedure.steps()) {
            if (step.ask() != null && !run.values.containsKey(step.ask())) {
                ValueType.named(step.type()).mention(message).ifPresent(value -> {
                    run.values.put(step.ask(), value);
                    run.note("asked", step.ask() + ": " + shown(step.ask(), value), now());
                });
            }
        }
    }

    // ------------------------------------------------------------------ verification

    private boolean emailCode(ProcedureRun run, Step step, Turn turn) {
        String email = String.valueOf(run.values.get(step.email() != null ? step.email() : "email"));
        if (verified(run).contains("email-code:" + email)) {
            return true;
        }
        sendCode(run, email);
        run.awaiting = CODE;
        run.attempts = 0;
        turn.said.add(say("verify.code-sent", run));
        return false;
    }

    private void sendCode(ProcedureRun run, String email) {
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        run.values.put("_code_hash", sha256(run.id + code));
        run.values.put("_code_for", email);
        run.values.put("_code_expires", now().plus(properties.codeValidity()).toString());
        outbox.send("procedures", email, replies.text("verify.email-subject", run.language, run.values),
                replies.text("verify.email-body", run.language, withValue(run.values, "code", code)));
        run.note("verified", "one-time code sent to " + PiiMask.maskText(email), now());
    }

    /** True when the code is right and the run may go on. */
    private boolean checkCode(ProcedureDefinition procedure, ProcedureRun run, String message, Turn turn) {
        Optional<Object> code = ValueType.CODE.answer(message);
        String email = String.valueOf(run.values.get("_code_for"));
        if (code.isPresent() && Instant.parse(String.valueOf(run.values.get("_code_expires"))).isBefore(now())) {
            sendCode(run, email);
            turn.said.add(say("verify.code-expired", run));
            return false;
        }
        if (code.isPresent() && MessageDigest.isEqual(sha256(run.id + String.valueOf(code.get())).getBytes(StandardCharsets.UTF_8),
                String.valueOf(run.values.get("_code_hash")).getBytes(StandardCharsets.UTF_8))) {
            List<String> verified = verified(run);
            verified.add("email-code:" + email);
            run.values.put(VERIFIED, verified);
            run.values.remove("_code_hash");
            run.values.remove("_code_expires");
            run.note("verified", "email " + PiiMask.maskText(email) + " by one-time code", now());
            run.awaiting = null;
            run.attempts = 0;
            run.step++;
            return true;
        }
        run.attempts++;
        int left = properties.codeAttempts() - run.attempts;
        if (left <= 0) {
            run.values.remove("_code_hash");
            run.note("failed", "verification locked after " + run.attempts + " wrong codes", now());
            turn.said.add(say("verify.locked", run));
            handOff(run, turn, "Identity verification failed: " + run.attempts + " wrong one-time codes during "
                    + procedure.title() + ". Verify the customer another way before acting on the account.");
            return false;
        }
        turn.said.add(say(code.isEmpty() ? "invalid.code" : "verify.code-wrong", withValue(run, "tries_left", left)));
        return false;
    }

    private boolean verifyByCall(ProcedureDefinition procedure, ProcedureRun run, Step step, Turn turn) {
        String key = step.verify() + ":" + String.join("|", step.asks().stream().map(a -> String.valueOf(run.values.get(a))).toList());
        if (verified(run).contains(key)) {
            return true;
        }
        Optional<HttpConnector.Answer> answer = send(procedure, run, step, turn, false);
        if (answer.isEmpty()) {
            return false;
        }
        if (answer.get().ok() && answer.get().body().at(step.passed() == null ? "/verified" : step.passed()).asBoolean(false)) {
            List<String> verified = verified(run);
            verified.add(key);
            run.values.put(VERIFIED, verified);
            run.note("verified", step.verify().replace('-', ' ') + " (" + String.join(", ", step.asks()) + ")", now());
            return true;
        }
        int failures = ((Number) run.values.getOrDefault("_verify_failures", 0)).intValue() + 1;
        run.values.put("_verify_failures", failures);
        run.note("failed", step.verify().replace('-', ' ') + " did not match (" + failures + ")", now());
        if (failures >= properties.maxAttempts()) {
            turn.said.add(say("verify.locked", run));
            handOff(run, turn, "Identity verification failed " + failures + " times (" + step.verify().replace('-', ' ')
                    + ") during " + procedure.title() + ". Verify the customer another way before acting.");
            return false;
        }
        turn.said.add(say(step.reply() != null ? step.reply() : "verify.mismatch", run));
        askAgain(procedure, run, step.asks());
        advance(procedure, run, turn);
        return false;
    }

    private void askAgain(ProcedureDefinition procedure, ProcedureRun run, List<String> names) {
        names.forEach(run.values::remove);
        for (int i = 0; i < procedure.steps().size(); i++) {
            if (names.contains(procedure.steps().get(i).ask())) {
                run.step = i;
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> verified(ProcedureRun run) {
        Object list = run.values.get(VERIFIED);
        return list instanceof List<?> l ? new ArrayList<>((List<String>) l) : new ArrayList<>();
    }

    // ------------------------------------------------------------------ calls and approvals

    private boolean call(ProcedureDefinition procedure, ProcedureRun run, Step step, Turn turn) {
        Optional<HttpConnector.Answer> sent = send(procedure, run, step, turn, step.action());
        if (sent.isEmpty()) {
            return false;
        }
        HttpConnector.Answer answer = sent.get();
        if (answer.ok()) {
            step.save().forEach((name, pointer) -> {
                JsonNode node = answer.body().at(pointer);
                run.values.put(name, node.isMissingNode() || node.isNull() ? null
                        : node.isNumber() ? node.decimalValue() : node.isBoolean() ? node.asBoolean() : node.asString());
            });
            if (step.action()) {
                run.note("done", step.call() + ": done", now());
            }
            return true;
        }
        ProcedureDefinition.Outcome outcome = step.onStatus().get(answer.status());
        if (step.action()) {
            run.note("done", step.call() + ": refused (" + answer.status() + ")", now());
        }
        if (outcome == null) {
            turn.said.add(say("error.system", run));
            handOff(run, turn, step.call() + " failed: the system answered " + answer.status() + " " + detail(answer) + ".");
            return false;
        }
        if (outcome.reply() != null) {
            turn.said.add(say(outcome.reply(), withValue(run, "detail", detail(answer))));
        }
        if (outcome.escalate()) {
            handOff(run, turn, step.call() + " was refused (" + answer.status() + " " + detail(answer) + ").");
            return false;
        }
        if (outcome.askAgain() != null) {
            int failures = ((Number) run.values.getOrDefault("_retries_" + run.step, 0)).intValue() + 1;
            if (failures >= properties.maxAttempts()) {
                turn.said.add(say("procedure.stuck", run));
                handOff(run, turn, "The customer could not give a " + outcome.askAgain().replace('_', ' ') + " that "
                        + step.call() + " accepts in " + failures + " tries.");
                return false;
            }
            int here = run.step;
            askAgain(procedure, run, List.of(outcome.askAgain()));
            run.values.put("_retries_" + here, failures);
            advance(procedure, run, turn);
            return false;
        }
        if (outcome.end()) {
            complete(run, turn);
            return false;
        }
        return true;
    }

    /** Makes the call; empty (the customer told, the run handed over) when the system gave no answer. */
    private Optional<HttpConnector.Answer> send(ProcedureDefinition procedure, ProcedureRun run, Step step, Turn turn,
            boolean action) {
        var request = step.request();
        Map<String, Object> body = request.body() == null ? null : Templates.render(request.body(), run.values);
        String key = !action ? null
                : step.idempotencyKey() != null ? Templates.render(step.idempotencyKey(), run.values) : run.id + ":" + run.step;
        var call = new HttpConnector.Call(request.system(), request.method(), Templates.renderPath(request.path(), run.values), body, key);
        String name = step.call() != null ? step.call() : step.verify();
        long started = System.nanoTime();
        try {
            HttpConnector.Answer answer = connector.call(call);
            if (action) {
                turn.actions.add(action(run, name, body == null ? Map.of("path", call.path()) : body,
                        answer.ok() ? "done (" + answer.status() + ")" : "refused (" + answer.status() + " " + detail(answer) + ")"));
            }
            return Optional.of(answer);
        } catch (HttpConnector.Unavailable e) {
            if (action) {
                turn.actions.add(action(run, name, body == null ? Map.of("path", call.path()) : body, "no answer: " + e.getMessage()));
                run.note("failed", name + ": no answer from " + request.system() + " (it may or may not have been done; "
                        + "trying again with idempotency key " + key + " is safe)", now());
            } else {
                run.note("failed", name + ": no answer from " + request.system(), now());
            }
            turn.said.add(say("error.system-unavailable", run));
            handOff(run, turn, procedure.title() + " stopped: " + e.getMessage() + ".");
            return Optional.empty();
        } finally {
            turn.backendNanos += System.nanoTime() - started;
        }
    }

    private boolean approval(ProcedureDefinition procedure, ProcedureRun run, Step step, Turn turn) {
        if (Boolean.TRUE.equals(run.values.get("_approved_" + run.step))) {
            return true;
        }
        Map<String, Object> values = new LinkedHashMap<>(run.values);
        String title = Templates.render(step.title() != null ? step.title() : procedure.title(), values);
        String details = Templates.render(step.details() != null ? step.details() : "", values) + "\n\nAsked: "
                + String.join(", ", run.customerValues().entrySet().stream().map(e -> e.getKey() + " " + shown(e.getKey(), e.getValue())).toList())
                + "\nVerified: " + String.join(", ", run.history.stream().filter(e -> e.kind().equals("verified")).map(ProcedureRun.Event::text).toList());
        approvals.request(new ApprovalQueue.Request(APPROVAL_KIND, run.id + ":" + run.step, run.conversationId, title, details));
        run.status = RunStatus.WAITING_APPROVAL;
        run.note("approval", step.approval() + " waits for a person's approval", now());
        turn.said.add(say(step.waitingReply() != null ? step.waitingReply() : "approval.waiting", run));
        return false;
    }

    // ------------------------------------------------------------------ endings

    private void complete(ProcedureRun run, Turn turn) {
        if (run.status.open()) {
            run.status = RunStatus.COMPLETED;
            run.awaiting = null;
            run.finishedAt = now();
            turn.completed = true;
        }
    }

    private void handOff(ProcedureRun run, Turn turn, String why) {
        run.status = RunStatus.HANDED_OFF;
        run.awaiting = null;
        run.finishedAt = now();
        turn.handoff = why;
    }

    private ProcedureActionTaken action(ProcedureRun run, String name, Map<String, Object> inputs, String result) {
        return new ProcedureActionTaken(run.id, run.conversationId, run.procedure, name, PiiMask.mask(inputs).toString(), result, now());
    }

    private String say(String key, ProcedureRun run) {
        return replies.text(key, run.language, run.values);
    }

    private String say(String key, Map<String, Object> values) {
        return replies.text(key, String.valueOf(values.get("_language")), values);
    }

    private static Map<String, Object> withValue(ProcedureRun run, String name, Object value) {
        Map<String, Object> values = withValue(run.values, name, value);
        values.put("_language", run.language);
        return values;
    }

    private static Map<String, Object> withValue(Map<String, Object> values, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    private static String shown(String name, Object value) {
        return Templates.display(value);
    }

    private static String detail(HttpConnector.Answer answer) {
        JsonNode detail = answer.body().at("/detail");
        return detail.isMissingNode() ? "" : detail.asString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
