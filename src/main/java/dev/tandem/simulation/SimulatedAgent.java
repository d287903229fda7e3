package dev.tandem.simulation;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A person on the other side, through the agent API of the contract: takes a handed-over conversation,
 * answers with the scenario's expected resolution and resolves it; approves a refund a procedure holds for
 * approval (when the credentials are a supervisor's).
 */
final class SimulatedAgent {

    private final Http http;
    private final String authorization;

    SimulatedAgent(Http http, String userAndPassword) {
        this.http = http;
        this.authorization = Http.basic(userAndPassword);
    }

    /** @return why it could not, or empty when the reply was sent */
    Optional<String> take(String conversationId, String reply) {
        Http.Response assigned = http.post("/api/conversations/" + conversationId + "/assign", null, "Authorization",
                authorization);
        if (!assigned.ok()) {
            return Optional.of("the agent could not take it: " + assigned.status() + " " + assigned.detail());
        }
        Http.Response sent = http.post("/api/conversations/" + conversationId + "/messages",
                Map.of("text", reply, "internal", false), "Authorization", authorization);
        if (!sent.ok()) {
            return Optional.of("the agent could not reply: " + sent.status() + " " + sent.detail());
        }
        http.post("/api/conversations/" + conversationId + "/resolve", null, "Authorization", authorization);
        return Optional.empty();
    }

    /** Why the assistant handed the conversation over, as the handoff packet words it (empty when it cannot tell). */
    java.util.List<String> handoffReasons(String conversationId) {
        Http.Response packet = http.get("/api/conversations/" + conversationId + "/handoff", "Authorization", authorization);
        java.util.List<String> reasons = new java.util.ArrayList<>();
        if (packet.ok()) {
            for (JsonNode reason : packet.body().path("reasons")) {
                String evidence = reason.path("evidence").asString("");
                reasons.add(reason.path("reason").asString("?") + " by " + reason.path("rule").asString("?")
                        + (evidence.isBlank() ? "" : " (" + evidence + ")"));
            }
        }
        return reasons;
    }

    /**
     * Which of the things the customer gave before the handoff (an order number, an email) the handoff packet does
     * not hold in what it carries for the person (its facts, the customer, the goal, the procedure's tasks, the
     * summary): the person would have to ask for them again. Compared without case, spaces or punctuation.
     */
    java.util.List<String> missingFromHandoff(String conversationId, java.util.Collection<String> given) {
        Http.Response packet = http.get("/api/conversations/" + conversationId + "/handoff", "Authorization", authorization);
        if (!packet.ok() || given.isEmpty()) {
            return java.util.List.of();
        }
        StringBuilder carried = new StringBuilder();
        for (String part : java.util.List.of("facts", "customer", "goal", "tasks", "summary")) {
            carried.append(packet.body().path(part).toString()).append(' ');
        }
        String held = comparable(carried.toString());
        return given.stream().filter(value -> !held.contains(comparable(value))).toList();
    }

    static String comparable(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@.]", "");
    }

    /** Approves what waits for approval in this conversation; false when there is nothing or it may not. */
    boolean approve(String conversationId) {
        Http.Response pending = http.get("/api/approvals", "Authorization", authorization);
        if (!pending.ok()) {
            return false;
        }
        for (JsonNode approval : pending.body()) {
            if (conversationId.equals(approval.path("conversationId").asString())) {
                return http.post("/api/approvals/" + approval.path("id").asString() + "/approve",
                        Map.of("note", "approved by the simulated agent"), "Authorization", authorization).ok();
            }
        }
        return false;
    }

    /**
     * The customer's own mailbox, read through the admin outbox (the demo has no mail transport): the newest
     * verification code sent to the address.
     */
    static final class Mailbox {

        private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
        /** The subject of a verification code email, in the languages the demo procedures write. */
        private static final Pattern SUBJECT = Pattern.compile("\\b(code|codigo)\\b");

        private final Http http;
        private final String authorization;

        Mailbox(Http http, String adminUserAndPassword) {
            this.http = http;
            this.authorization = Http.basic(adminUserAndPassword);
        }

        /**
         * The verification codes sent to the address, newest first. A customer with two code emails (two of
         * their conversations asked at once) tries them in turn, as a person would.
         */
        java.util.List<String> codes(String email) {
            Http.Response outbox = http.get("/api/admin/outbox", "Authorization", authorization);
            java.util.List<String> codes = new java.util.ArrayList<>();
            if (!outbox.ok()) {
                return codes;
            }
            for (JsonNode mail : outbox.body()) {
                boolean codeMail = SUBJECT.matcher(Judge.normalise(mail.path("subject").asString(""))).find();
                if (codeMail && email.equalsIgnoreCase(mail.path("to").asString())) {
                    Matcher code = CODE.matcher(mail.path("body").asString(""));
                    if (code.find()) {
                        codes.add(code.group(1));
                    }
                }
            }
            return codes;
        }
    }
}
