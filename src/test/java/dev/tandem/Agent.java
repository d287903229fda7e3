package dev.tandem;

import java.util.Map;
import java.util.UUID;

import dev.tandem.identity.UserSummary;
import tools.jackson.databind.JsonNode;

/** A member of the support team calling the agent API with HTTP Basic. */
public record Agent(TestApi api, UserSummary user) {

    public static Agent of(TestApi anonymous, UserSummary user) {
        return new Agent(anonymous.as(user.username(), TestAccounts.PASSWORD), user);
    }

    public UUID id() {
        return user.id();
    }

    public TestApi.Response get(UUID conversation) {
        return api.get("/api/conversations/" + conversation);
    }

    public JsonNode conversation(UUID conversation) {
        return get(conversation).expect(200).json();
    }

    public TestApi.Response list(String query) {
        return api.get("/api/conversations" + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    public TestApi.Response assign(UUID conversation) {
        return api.post("/api/conversations/" + conversation + "/assign", null);
    }

    public TestApi.Response reply(UUID conversation, String text) {
        return api.post("/api/conversations/" + conversation + "/messages", Map.of("text", text, "internal", false));
    }

    public TestApi.Response note(UUID conversation, String text) {
        return api.post("/api/conversations/" + conversation + "/messages", Map.of("text", text, "internal", true));
    }

    public TestApi.Response resolve(UUID conversation) {
        return api.post("/api/conversations/" + conversation + "/resolve", null);
    }

    public TestApi.Response reopen(UUID conversation) {
        return api.post("/api/conversations/" + conversation + "/reopen", null);
    }

    public TestApi.Response transfer(UUID conversation, Map<String, ?> body) {
        return api.post("/api/conversations/" + conversation + "/transfer", body);
    }

    public TestApi.Response handoff(UUID conversation) {
        return api.get("/api/conversations/" + conversation + "/handoff");
    }

    public TestApi.Response customer(UUID customer) {
        return api.get("/api/customers/" + customer);
    }
}
