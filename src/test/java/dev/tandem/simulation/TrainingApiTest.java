package dev.tandem.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import tools.jackson.databind.JsonNode;

/**
 * The training sandbox over HTTP, as an agent practising and their coach use it: a whole session (start, turns,
 * finish, score) that leaves every real table as it was; the simulated customer's rules (an angry customer ignored
 * gives up, acknowledged calms down, a procedure needs the customer's details first); who sees which sessions; and
 * refusals as problem+json.
 */
@TandemTest
class TrainingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    JdbcClient jdbc;

    private TestApi as(UserSummary user) {
        return new TestApi(port).as(user.username(), TestAccounts.PASSWORD);
    }

    private static String send(TestApi agent, String session, String text) {
        JsonNode turns = agent.post("/api/training/sessions/" + session + "/turns", Map.of("text", text)).expect(201).json()
            .get("turns");
        JsonNode last = turns.get(turns.size() - 1);
        return last.get("author").asString().equals("CUSTOMER") ? last.get("text").asString() : null;
    }

    private static Map<String, JsonNode> items(JsonNode session) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        session.get("score").get("items").forEach(item -> items.put(item.get("name").asString(), item));
        return items;
    }

    /** Rows of the tables a real conversation, its routing, outcome, ledger and emails write. */
    private Map<String, Integer> realRows() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : List.of("customer", "conversation", "message", "routing_decision", "conversation_outcome",
                "outcome_evidence", "resolution_ledger", "outbox_email", "message_understanding")) {
            rows.put(table, jdbc.sql("select count(*) from " + table).query(Integer.class).single());
        }
        return rows;
    }

    @Test
    void aWholeSessionIsScoredAndTouchesNoRealData() {
        var people = new TestAccounts(accounts, teams);
        UserSummary trainee = people.agent(people.team("training"));
        TestApi agent = as(trainee);
        Map<String, Integer> before = realRows();

        JsonNode scenarios = agent.get("/api/training/scenarios?kind=answer&language=en").expect(200).json();
        assertThat(scenarios.size()).isGreaterThan(50);
        assertThat(scenarios.toString()).contains("ship-cost-canada").doesNotContain("\"kind\":\"procedure\"");

        JsonNode started = agent.post("/api/training/sessions", Map.of("scenarioId", "ship-cost-canada")).expect(201).json();
        String id = started.get("id").asString();
        assertThat(started.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(started.get("turns").get(0).get("text").asString()).isEqualTo("how much do u charge to ship to canada");
        assertThat(started.get("score").isNull()).isTrue();

        // a greeting with "let me check" is waited for; the right price is thanked; "anything else?" ends it
        String marker = TestAccounts.unique("ref");
        assertThat(send(agent, id, "Hi Olivia, thanks for contacting Northwind! Let me check that for you (" + marker + ")."))
            .isEqualTo("OK, thanks.");
        var answer = Map.of("text", "Standard shipping to Canada is $9.95 and takes 6 to 10 business days.",
                "clientTurnId", "answer-1");
        JsonNode afterAnswer = agent.post("/api/training/sessions/" + id + "/turns", answer).expect(201).json();
        assertThat(afterAnswer.get("turns").get(4).get("text").asString()).contains("thank you");
        // a retried send is stored once
        assertThat(agent.post("/api/training/sessions/" + id + "/turns", answer).expect(201).json().get("turns").size())
            .isEqualTo(5);
        assertThat(send(agent, id, "Is there anything else I can help you with today?")).isEqualTo("No, that's all. Thanks!");
        assertThat(send(agent, id, "Have a great day, Olivia!")).isNull(); // the customer has gone: the agent closes

        JsonNode finished = agent.post("/api/training/sessions/" + id + "/finish", null).expect(200).json();
        assertThat(finished.get("status").asString()).isEqualTo("FINISHED");
        assertThat(finished.get("endedBy").asString()).isEqualTo("AGENT");
        assertThat(finished.get("score").get("goalMet").asBoolean()).isTrue();
        assertThat(finished.get("score").get("goal").asString()).contains("'9.95'").contains("Met by message 4");
        var items = items(finished);
        assertThat(items.keySet()).containsExactly("greeted", "acknowledged_feelings", "took_ownership", "clear_next_steps",
                "professional_tone", "confirmed_resolution", "personalised", "closed_properly");
        assertThat(items.get("acknowledged_feelings").get("passed").isNull()).isTrue();
        items.forEach((name, item) -> {
            if (!name.equals("acknowledged_feelings")) {
                assertThat(item.get("passed").asBoolean()).as(name + ": " + item.get("evidence")).isTrue();
            }
        });
        assertThat(items.get("greeted").get("evidence").asString()).contains("'Hi'");
        // finishing again changes nothing; talking after the end is refused
        assertThat(agent.post("/api/training/sessions/" + id + "/finish", null).expect(200).json().get("finishedAt"))
            .isEqualTo(finished.get("finishedAt"));
        agent.post("/api/training/sessions/" + id + "/turns", Map.of("text", "hello?")).expectProblem(409);

        JsonNode history = agent.get("/api/training/sessions").expect(200).json();
        assertThat(history.get(0).get("id").asString()).isEqualTo(id);
        assertThat(history.get(0).get("goalMet").asBoolean()).isTrue();

        // the sandbox wrote nothing anywhere else: no conversation, routing, outcome, ledger, email, audit or event
        assertThat(realRows()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? or detail like ?").params(trainee.username(),
                "%" + marker + "%").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from message where body like ?").param("%" + marker + "%").query(Integer.class)
            .single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_email where body like ?").param("%" + marker + "%").query(Integer.class)
            .single()).isZero();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?").param("%" + id + "%")
            .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from training_turn where session_id = ?").param(UUID.fromString(id))
            .query(Integer.class).single()).isEqualTo(8);
    }

    @Test
    void anAngryCustomerIgnoredGivesUpAndOneAcknowledgedCalmsDown() {
        var people = new TestAccounts(accounts, teams);
        TestApi agent = as(people.agent(people.team("training")));

        String ignored = agent.post("/api/training/sessions", Map.of("scenarioId", "angry-late")).expect(201).json()
            .get("id").asString();
        assertThat(send(agent, ignored, "Please read the delivery FAQ on our website.")).contains("Forget it");
        JsonNode left = agent.get("/api/training/sessions/" + ignored).expect(200).json();
        assertThat(left.get("status").asString()).isEqualTo("FINISHED");
        assertThat(left.get("endedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(left.get("score").get("goalMet").asBoolean()).isFalse();
        assertThat(left.get("score").get("goal").asString()).contains("ran out of patience");
        assertThat(items(left).get("acknowledged_feelings").get("passed").asBoolean()).isFalse();
        assertThat(items(left).get("closed_properly").get("evidence").asString()).contains("customer spoke last");

        String heard = agent.post("/api/training/sessions", Map.of("scenarioId", "angry-late")).expect(201).json()
            .get("id").asString();
        // taking it on without acknowledging how they feel does not calm them
        assertThat(send(agent, heard, "Hello, I'm Sam from Northwind. Let me look into it.")).contains("waited long enough");
        assertThat(agent.get("/api/training/sessions/" + heard).json().get("customerUpset").asBoolean()).isTrue();
        assertThat(send(agent, heard, "I'm so sorry to hear that, Ruby: three weeks is far too long. I'll track your tent down now."))
            .isEqualTo("That's exactly what I needed, thank you!");
        assertThat(agent.get("/api/training/sessions/" + heard).json().get("customerUpset").asBoolean()).isFalse();
    }

    @Test
    void aProcedureNeedsTheCustomersDetailsBeforeTheOrderSystemOpens() {
        var people = new TestAccounts(accounts, teams);
        TestApi agent = as(people.agent(people.team("training")));
        String id = agent.post("/api/training/sessions", Map.of("scenarioId", "proc-status-ask-both")).expect(201).json()
            .get("id").asString();
        assertThat(agent.get("/api/training/sessions/" + id).json().get("backOffice").size()).isZero();

        assertThat(send(agent, id, "Could you give me your order number?")).isEqualTo("NW-1004");
        assertThat(send(agent, id, "Thanks! And the email address on your account?")).isEqualTo("ada@example.com");
        assertThat(agent.get("/api/training/sessions/" + id).json().get("backOffice").toString()).contains("1Z999AA10123456785");
        assertThat(send(agent, id, "Your order NW-1004 has shipped: the tracking number is 1Z999AA10123456785."))
            .contains("thank you");
    }

    @Test
    void agentsSeeTheirOwnSessionsAndTheirCoachesThoseOfTheirTeam() {
        var people = new TestAccounts(accounts, teams);
        var north = people.team("north");
        var south = people.team("south");
        UserSummary ann = people.agent(north);
        UserSummary bob = people.agent(south);
        UserSummary coach = people.user("coach", Set.of(Role.SUPERVISOR), north);
        UserSummary otherCoach = people.user("coach", Set.of(Role.SUPERVISOR), south);
        UserSummary admin = people.user("admin", Set.of(Role.ADMIN));

        String id = as(ann).post("/api/training/sessions", Map.of("kind", "out_of_scope", "language", "en")).expect(201).json()
            .get("id").asString();
        JsonNode surprise = as(ann).get("/api/training/sessions/" + id).expect(200).json();
        assertThat(surprise.get("scenario").get("kind").asString()).isEqualTo("out_of_scope");

        as(bob).get("/api/training/sessions/" + id).expectProblem(404);
        as(bob).post("/api/training/sessions/" + id + "/turns", Map.of("text", "hi")).expectProblem(404);
        assertThat(as(bob).get("/api/training/sessions").json().toString()).doesNotContain(id);
        as(otherCoach).get("/api/training/sessions/" + id).expectProblem(404);

        assertThat(as(coach).get("/api/training/sessions").json().toString()).contains(id);
        as(coach).post("/api/training/sessions/" + id + "/turns", Map.of("text", "hi")).expectProblem(403);
        JsonNode noted = as(coach).post("/api/training/sessions/" + id + "/note", Map.of("note", "Say what we can't do plainly."))
            .expect(200).json();
        assertThat(noted.get("note").get("text").asString()).isEqualTo("Say what we can't do plainly.");
        assertThat(as(ann).get("/api/training/sessions/" + id).json().get("note").get("by").asString())
            .isEqualTo(coach.displayName());
        as(ann).post("/api/training/sessions/" + id + "/note", Map.of("note", "I did great")).expectProblem(403);
        as(admin).get("/api/training/sessions/" + id).expect(200);
    }

    @Test
    void badRequestsAreProblems() {
        var people = new TestAccounts(accounts, teams);
        TestApi agent = as(people.agent(people.team("training")));
        agent.post("/api/training/sessions", Map.of("scenarioId", "no-such-scenario")).expectProblem(400);
        agent.post("/api/training/sessions", Map.of("kind", "juggling")).expectProblem(400);
        agent.get("/api/training/scenarios?kind=juggling").expectProblem(400);
        agent.post("/api/training/sessions", Map.of("kind", "answer", "language", "xx")).expectProblem(400);
        agent.post("/api/training/sessions", "{not json").expectProblem(400);
        as(people.curator()).post("/api/training/sessions", Map.of()).expectProblem(403);
        agent.get("/api/training/sessions/" + UUID.randomUUID()).expectProblem(404);

        String id = agent.post("/api/training/sessions", Map.of()).expect(201).json().get("id").asString();
        agent.post("/api/training/sessions/" + id + "/turns", Map.of("text", " ")).expectProblem(400);
        agent.post("/api/training/sessions/" + id + "/turns", Map.of("text", "x".repeat(4001))).expectProblem(400);
        assertThat(jdbc.sql("select count(*) from training_turn where session_id = ?").param(UUID.fromString(id))
            .query(Integer.class).single()).isEqualTo(1);
        new TestApi(port).get("/api/training/sessions").expectProblem(401);
    }
}
