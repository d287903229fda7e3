package dev.tandem.procedures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.tandem.TestApi;
import tools.jackson.databind.JsonNode;

/** The demo back end and the outbox as a test reads them: over HTTP, as the procedures reach them. */
record Northwind(TestApi api) {

    static final String KEY = "northwind-demo-key";
    static final String ADA = "ada@example.com";

    List<BigDecimal> refunds(String order) {
        JsonNode json = api.get("/northwind/api/orders/" + order + "/refunds", "X-Api-Key", KEY).expect(200).json();
        return json.get("refunds").valueStream().map(JsonNode::decimalValue).toList();
    }

    JsonNode order(String order) {
        return api.get("/northwind/api/orders/" + order, "X-Api-Key", KEY).expect(200).json();
    }

    /** Emails sent to {@code to} with {@code subject} since {@code since}, newest first (admin's outbox API). */
    List<JsonNode> emails(String to, String subject, Instant since) {
        JsonNode all = api.as("admin", "admin-password-for-tests").get("/api/admin/outbox?limit=500").expect(200).json();
        return all.valueStream()
            .filter(e -> e.get("to").asString().equals(to) && e.get("subject").asString().equals(subject)
                    && !Instant.parse(e.get("sentAt").asString()).isBefore(since))
            .toList();
    }

    /** The one-time code in the latest verification email to {@code to}. */
    String latestCode(String to, Instant since) {
        List<JsonNode> codes = emails(to, "Your Northwind verification code", since);
        if (codes.isEmpty()) {
            throw new AssertionError("no verification code was emailed to " + to);
        }
        var matcher = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(codes.get(0).get("body").asString());
        if (!matcher.find()) {
            throw new AssertionError("no code in " + codes.get(0));
        }
        return matcher.group(1);
    }
}
