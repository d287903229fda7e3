package dev.tandem.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/**
 * The assist panel's next step over HTTP: the agent who has a conversation runs the offered procedure for
 * the customer (order status, against the built-in Northwind back end); the assistant asks the customer in
 * the agent's conversation, the customer's answer goes to the run, and the agent keeps the conversation.
 * Refusals say why: not the agent's conversation, a procedure that does not exist, one already running.
 *
 * <p>The same properties as {@code ProceduresApiTest} (the demo's procedures), so the two share one context.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true",
        "tandem.procedures.systems.northwind.timeout=PT1S",
        "tandem.procedures.systems.northwind.breaker-open-for=PT0.2S" })
class RunProcedureForCustomerApiTest {

    private static final String ADA = "ada@example.com";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Test
    void theAgentRunsTheOfferedProcedureAndKeepsTheConversation() {
        TestAccounts people = new TestAccounts(accounts, teams);
        TestApi anonymous = new TestApi(port);
        Agent sam = Agent.of(anonymous, people.user("agent", Set.of(Role.AGENT, Role.SUPERVISOR)));
        Agent kim = Agent.of(anonymous, people.user("agent", Set.of(Role.AGENT, Role.SUPERVISOR)));
        WidgetCustomer customer = WidgetCustomer.start(anonymous, Map.of("message", "Hello, I have a question for you.",
                "customer", Map.of("name", "Ada Lovelace", "email", ADA)));
        customer.handoff();
        customer.post("Where is my order? It should have arrived by now.").expect(201);
        String path = "/api/assist/conversations/" + customer.id() + "/procedure";
        Map<String, String> orderStatus = Map.of("procedure", "order-status");

        var notTaken = sam.api().post(path, orderStatus);
        assertThat(notTaken.status()).isEqualTo(409);
        assertThat(notTaken.json().get("detail").asString()).contains("Take the conversation first");

        sam.assign(customer.id()).expect(200);
        var someoneElses = kim.api().post(path, orderStatus);
        assertThat(someoneElses.status()).isEqualTo(409);
        assertThat(someoneElses.json().get("detail").asString()).contains("assigned to someone else");
        assertThat(sam.api().post(path, Map.of("procedure", "teleport-parcel")).status()).isEqualTo(404);
        assertThat(sam.api().post(path, Map.of()).status()).isEqualTo(400);
        assertThat(new TestApi(port).as(people.curator().username(), TestAccounts.PASSWORD).post(path, orderStatus)
            .status()).isEqualTo(403);

        var started = sam.api().post(path, orderStatus);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("status").asString()).isEqualTo("ASSIGNED");
        // the widget gave the email: only the order number is asked
        assertThat(started.json().get("messages").toString()).contains("order number").doesNotContain("email address");
        assertThat(lastAiText(customer.view())).contains("order number");

        var again = sam.api().post(path, orderStatus);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already running");

        customer.post("It's NW-1004").expect(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lastAiText(customer.view()))
            .contains("NW-1004").contains("on its way").contains("UPS"));
        JsonNode conversation = sam.conversation(customer.id());
        assertThat(conversation.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(conversation.get("assigneeId").asString()).isEqualTo(sam.id().toString());

        // done: the agent may run one again
        var next = sam.api().post(path, orderStatus);
        assertThat(next.status()).as(next.body()).isEqualTo(201);

        // resolving the conversation ends the run that waits for the customer: after a reopening it starts afresh
        sam.resolve(customer.id()).expect(200);
        sam.reopen(customer.id()).expect(200);
        var afresh = sam.api().post(path, orderStatus);
        assertThat(afresh.status()).as(afresh.body()).isEqualTo(201);
    }

    private static String lastAiText(JsonNode view) {
        return StreamSupport.stream(view.get("messages").spliterator(), false)
            .filter(m -> m.get("author").asString().equals("AI"))
            .reduce((a, b) -> b)
            .map(m -> m.get("text").asString())
            .orElse("");
    }
}
