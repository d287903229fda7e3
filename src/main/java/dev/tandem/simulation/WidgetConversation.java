package dev.tandem.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One customer's conversation through the widget API of the contract, nothing else: start it with the
 * inbox key, post messages, read the replies (polling the conversation, as a widget without the live
 * stream would), say whether an answer helped, press "talk to a person".
 */
final class WidgetConversation {

    private static final String TOKEN = "X-Conversation-Token";
    private static final Duration POLL = Duration.ofMillis(150);

    private final Http http;
    private final Duration replyTimeout;
    private String id;
    private String token;
    private String status;
    private final List<Message> messages = new ArrayList<>();
    private int sequence;

    WidgetConversation(Http http, Duration replyTimeout) {
        this.http = http;
        this.replyTimeout = replyTimeout;
    }

    record Citation(String title, String url, String articleId) {

        /** The article's slug, from its help-centre link {@code /help/{slug}}; else its id. */
        String article() {
            if (url != null) {
                int at = url.indexOf("/help/");
                if (at >= 0) {
                    return url.substring(at + "/help/".length()).replaceAll("[?#/].*$", "");
                }
            }
            return articleId;
        }
    }

    record Message(String id, String author, String text, String kind, Instant createdAt, List<Citation> citations) {

        boolean fromAssistant() {
            return author.equals("AI");
        }
    }

    String id() {
        return id;
    }

    String status() {
        return status;
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Starts the conversation; returns the replies that came after the opening message. */
    List<Message> start(String inbox, String text, String name, String email) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", name);
        if (email != null) {
            customer.put("email", email);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (inbox != null) {
            body.put("inbox", inbox);
        }
        body.put("message", text);
        body.put("customer", customer);
        body.put("clientMessageId", UUID.randomUUID().toString());
        Http.Response response = http.post("/api/widget/conversations", body, null, null);
        if (response.status() != 201 && response.status() != 200) {
            throw new Http.Failure("starting a conversation: " + response.status() + " " + response.detail());
        }
        id = response.body().path("id").asString();
        token = response.body().path("token").asString();
        return awaitReplies(0);
    }

    /** Posts a customer message; returns what came after it. */
    List<Message> say(String text) {
        int before = messages.size();
        Http.Response response = http.post("/api/widget/conversations/" + id + "/messages",
                Map.of("text", text, "clientMessageId", id + "-" + (++sequence)), TOKEN, token);
        if (!response.ok()) {
            throw new Http.Failure("posting a message: " + response.status() + " " + response.detail());
        }
        return awaitReplies(before);
    }

    /** "Did this answer your question?"; returns what the assistant said in return. */
    List<Message> feedback(Message answer, boolean helpful) {
        int before = messages.size();
        Http.Response response = http.post("/api/widget/conversations/" + id + "/messages/" + answer.id() + "/feedback",
                Map.of("helpful", helpful), TOKEN, token);
        if (!response.ok()) {
            throw new Http.Failure("giving feedback: " + response.status() + " " + response.detail());
        }
        refresh();
        return List.copyOf(messages.subList(Math.min(before, messages.size()), messages.size()));
    }

    /** The widget's "Talk to a person". */
    List<Message> askForPerson() {
        int before = messages.size();
        Http.Response response = http.post("/api/widget/conversations/" + id + "/handoff", null, TOKEN, token);
        if (!response.ok()) {
            throw new Http.Failure("asking for a person: " + response.status() + " " + response.detail());
        }
        refresh();
        return List.copyOf(messages.subList(Math.min(before, messages.size()), messages.size()));
    }

    /**
     * The customer's CSAT through the widget's rating API ({@code POST .../rating}, issue 15's outcomes), which
     * takes a rating once the conversation is resolved; false when the server has no such API or refused it.
     */
    boolean rate(int rating) {
        Http.Response response = http.post("/api/widget/conversations/" + id + "/rating", Map.of("rating", rating),
                TOKEN, token);
        return response.ok();
    }

    /** Waits until a person writes (or the time is up); returns what came meanwhile. */
    List<Message> awaitAgent(Duration timeout) {
        int before = messages.size();
        Instant until = Instant.now().plus(timeout);
        do {
            refresh();
            if (messages.subList(before, messages.size()).stream().anyMatch(m -> m.author().equals("AGENT"))) {
                break;
            }
            Pause.of(Duration.ofMillis(300));
        } while (Instant.now().isBefore(until));
        return List.copyOf(messages.subList(Math.min(before, messages.size()), messages.size()));
    }

    /**
     * Waits until the assistant no longer owes a reply to what the customer said last, then returns the
     * messages after {@code before}. A refund held for approval owes nothing more right away.
     */
    private List<Message> awaitReplies(int before) {
        Instant until = Instant.now().plus(replyTimeout);
        boolean awaiting;
        do {
            awaiting = refresh();
            if (!awaiting) {
                break;
            }
            Pause.of(POLL);
        } while (Instant.now().isBefore(until));
        return List.copyOf(messages.subList(Math.min(before, messages.size()), messages.size()));
    }

    /** Reads the conversation; true while the assistant owes a reply. */
    private boolean refresh() {
        Http.Response response = http.get("/api/widget/conversations/" + id, TOKEN, token);
        if (!response.ok()) {
            throw new Http.Failure("reading the conversation: " + response.status() + " " + response.detail());
        }
        JsonNode body = response.body();
        status = body.path("status").asString();
        messages.clear();
        for (JsonNode m : body.path("messages")) {
            List<Citation> citations = new ArrayList<>();
            for (JsonNode c : m.path("citations")) {
                citations.add(new Citation(text(c, "title"), text(c, "url"), text(c, "articleId")));
            }
            Instant at = m.hasNonNull("createdAt") ? Instant.parse(m.get("createdAt").asString()) : Instant.now();
            messages.add(new Message(m.path("id").asString(), m.path("author").asString(), m.path("text").asString(""),
                    m.path("kind").asString("PLAIN"), at, List.copyOf(citations)));
        }
        return body.path("awaitingReply").asBoolean(false);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
