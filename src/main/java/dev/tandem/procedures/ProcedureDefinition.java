package dev.tandem.procedures;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One procedure as written in YAML: when it starts and its steps, run in order. A step does one thing,
 * named by the key it has: {@code ask}, {@code verify}, {@code call}, {@code approval}, {@code reply} or
 * {@code escalate}; {@code when} (an expression over the values) skips it when false, which is how
 * procedures branch.
 */
record ProcedureDefinition(String name, String title, String description, Triggers triggers, List<Step> steps) {

    ProcedureDefinition {
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
    }

    /**
     * @param phrases example requests: a message starts the procedure when it holds every word of one, in order
     * @param unless patterns (on the folded text) that stop it ("how do I…" asks for an explanation, not an action)
     * @param intents intent labels that start it when the intent model is sure enough
     */
    record Triggers(List<String> phrases, List<String> unless, List<String> intents) {

        Triggers {
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
            unless = unless == null ? List.of() : List.copyOf(unless);
            intents = intents == null ? List.of() : List.copyOf(intents);
        }
    }

    /** A call to one of the company's systems; strings are templates over the values ({@code ${order_number}}). */
    record Request(String system, String method, String path, Map<String, Object> body) {

        Request {
            method = method == null ? "GET" : method.toUpperCase();
            body = body == null ? null : Map.copyOf(body);
        }
    }

    /** What to do when a call answers with a given status. */
    record Outcome(String reply, String askAgain, boolean end, boolean escalate) {
    }

    /**
     * @param ask the value to ask for, when it is not known yet; {@code type} says how to read it
     * @param max for amounts: an expression for the highest accepted
     * @param verify {@code email-code} (a one-time code to {@code email}) or {@code order-and-email} (a call whose
     *     {@code passed} field says whether the order number and checkout email belong together)
     * @param asks the values asked again when a verification fails
     * @param call a name for the call (audit, handoff); {@code action} marks calls that change something: they
     *     carry an idempotency key and are audited
     * @param save values taken from the answer: name → JSON pointer
     * @param onStatus what a given answer status means: reply, ask a value again, end, escalate
     * @param approval a person approves before the run goes on; {@code title} and {@code details} tell them what
     */
    record Step(String when, String ask, String type, String prompt, String max, String verify, List<String> asks,
            String email, String passed, String call, Request request, boolean action, String idempotencyKey,
            Map<String, String> save, Map<Integer, Outcome> onStatus, String approval, String title, String details,
            String waitingReply, String rejectedReply, String reply, boolean end, String escalate) {

        Step {
            asks = asks == null ? List.of() : List.copyOf(asks);
            save = save == null ? Map.of() : Map.copyOf(save);
            onStatus = onStatus == null ? Map.of() : Map.copyOf(onStatus);
        }

        /** Public for the admin page's template, which reads it. */
        @JsonIgnore
        public Kind kind() {
            if (ask != null) {
                return Kind.ASK;
            }
            if (verify != null) {
                return Kind.VERIFY;
            }
            if (approval != null) {
                return Kind.APPROVAL;
            }
            if (call != null) {
                return Kind.CALL;
            }
            if (reply != null) {
                return Kind.REPLY;
            }
            if (escalate != null) {
                return Kind.ESCALATE;
            }
            throw new IllegalArgumentException("a step needs one of ask, verify, call, approval, reply, escalate");
        }

        public enum Kind {
            ASK, VERIFY, CALL, APPROVAL, REPLY, ESCALATE
        }
    }
}
