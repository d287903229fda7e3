package dev.tandem;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** A customer's side of one conversation through the widget API, holding its token. */
public record WidgetCustomer(TestApi api, UUID id, String token, JsonNode started) {

    public static final String TOKEN_HEADER = "X-Conversation-Token";

    public static WidgetCustomer start(TestApi api, String firstMessage) {
        return start(api, Map.of("message", firstMessage));
    }

    public static WidgetCustomer start(TestApi api, Map<String, ?> body) {
        var response = api.post("/api/widget/conversations", body).expect(201);
        JsonNode json = response.json();
        return new WidgetCustomer(api, UUID.fromString(TestApi.text(json, "id")), TestApi.text(json, "token"), json);
    }

    public TestApi.Response post(String text) {
        return post(text, null);
    }

    public TestApi.Response post(String text, String clientMessageId) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("text", text);
        if (clientMessageId != null) {
            body.put("clientMessageId", clientMessageId);
        }
        return api.post(path() + "/messages", body, TOKEN_HEADER, token);
    }

    public TestApi.Response get() {
        return api.get(path(), TOKEN_HEADER, token);
    }

    public TestApi.Response handoff() {
        return api.post(path() + "/handoff", null, TOKEN_HEADER, token);
    }

    /** The customer's live stream (server-sent events), as the widget opens it. */
    public SseEvents events() {
        var request = api.request(path() + "/events?token=" + token, "Accept", "text/event-stream")
            .timeout(java.time.Duration.ofMinutes(2)).GET().build();
        try {
            var response = TestApi.client().send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new AssertionError("The live stream answered " + response.statusCode());
            }
            return new SseEvents(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The conversation as the customer sees it, after asserting 200. */
    public JsonNode view() {
        return get().expect(200).json();
    }

    public String path() {
        return "/api/widget/conversations/" + id;
    }
}
