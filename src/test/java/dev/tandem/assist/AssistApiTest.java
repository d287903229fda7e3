package dev.tandem.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/**
 * Assist over HTTP, as a curator, an agent and a supervisor use it: a curator writes a macro; a customer
 * asks for a refund in a handed-over conversation; the panel suggests the macro with the customer's name
 * and order number filled in, reminds of the refund policy, and computes without anyone asking (the
 * message triggers it); the agent's feedback is stored and shows in the figures and the JSONL export.
 */
@TandemTest
class AssistApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    SuggestionRecords records;

    @Test
    void macrosSuggestionsFeedbackAndFigures() {
        TestAccounts people = new TestAccounts(accounts, teams);
        var curator = new TestApi(port).as(people.curator().username(), TestAccounts.PASSWORD);
        var agent = new TestApi(port).as(people.user("agent", Set.of(Role.AGENT, Role.SUPERVISOR)).username(),
                TestAccounts.PASSWORD);

        // only curators and admins write macros
        assertThat(agent.post("/api/assist/macros", Map.of("title", "x", "body", "y")).status()).isEqualTo(403);
        assertThat(curator.post("/api/assist/macros", Map.of("title", " ", "body", "y")).status()).isEqualTo(400);
        String title = TestAccounts.unique("Refund of a damaged tent");
        var created = curator.post("/api/assist/macros", Map.of("title", title,
                "body", "Hi {{customer.first_name}}, I am sorry the tent arrived damaged. I have started a refund for order {{order.number}}; it reaches your card in 5 to 7 days."));
        assertThat(created.status()).isEqualTo(201);
        assertThat(agent.get("/api/assist/macros?q=damaged%20tent").body()).contains(title);

        WidgetCustomer customer = WidgetCustomer.start(new TestApi(port), Map.of(
                "message", "My tent arrived damaged, I want a refund of $120 for order NW-48213",
                "customer", Map.of("name", "Ada Lovelace", "email", "ada@example.org")));
        customer.handoff();
        assertThat(agent.post("/api/conversations/" + customer.id() + "/assign", null).status()).isEqualTo(200);
        customer.post("The tent has a torn floor, I want a refund of $120 for order NW-48213");

        // the customer's message to the agent triggers the panel: its suggestions are stored without anyone opening it
        var latest = latestCustomerMessage(customer);
        var stored = await().atMost(Duration.ofSeconds(60)).until(() -> records.forMessage(customer.id(), latest),
                list -> !list.isEmpty());
        var macro = stored.stream().filter(s -> s.kind() == Suggestion.Kind.MACRO).findFirst().orElseThrow();
        assertThat(macro.text()).contains("Hi Ada,").contains("order NW-48213");

        var feedback = agent.post("/api/assist/suggestions/" + macro.id() + "/feedback",
                Map.of("outcome", "SENT", "text", macro.text() + " Sorry again!"));
        assertThat(feedback.status()).isEqualTo(200);
        assertThat(feedback.json().get("outcome").asString()).isEqualTo("EDITED");
        assertThat(feedback.json().get("editDistance").asInt()).isEqualTo(" Sorry again!".length());
        assertThat(agent.post("/api/assist/suggestions/" + macro.id() + "/feedback", Map.of("outcome", "maybe"))
            .status()).isEqualTo(400);

        var figures = agent.get("/api/assist/feedback").json();
        assertThat(figures.toString()).contains("\"kind\":\"MACRO\"");
        var export = agent.get("/api/assist/feedback.jsonl");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains(macro.id().toString()).contains("\"outcome\":\"EDITED\"");
        assertThat(new TestApi(port).as(people.agent().username(), TestAccounts.PASSWORD)
            .get("/api/assist/feedback.jsonl").status()).isEqualTo(403);
    }

    private static java.util.UUID latestCustomerMessage(WidgetCustomer customer) {
        JsonNode messages = customer.view().get("messages");
        java.util.UUID last = null;
        for (JsonNode message : messages) {
            if ("CUSTOMER".equals(message.get("author").asString())) {
                last = java.util.UUID.fromString(message.get("id").asString());
            }
        }
        return last;
    }
}
