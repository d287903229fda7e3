package dev.tandem.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.channel.WidgetInboxes;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import tools.jackson.databind.JsonNode;

/**
 * Quality review as an agent, a colleague, a supervisor and an admin meet it: a resolved conversation is scored
 * shortly after, every verdict quoting words the conversation holds; only the agent, their supervisor and admins
 * see the scores; the agent disputes a verdict, which goes to calibration, where a supervisor's blind review
 * settles it and counts towards the agreement per item; an admin saves a new rubric version.
 */
@TandemTest
class QualityApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    WidgetInboxes inboxes;

    TestApi api;
    TestAccounts accounts;
    Team team;
    Agent agent;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
        team = accounts.team("quality");
        agent = Agent.of(api, accounts.agent(team));
    }

    @Test
    void aResolvedConversationIsScoredWithEvidenceFromItsOwnWords() {
        UUID conversation = resolvedConversation();
        JsonNode score = awaitScore(agent, conversation);
        JsonNode messages = agent.conversation(conversation).get("messages");

        assertThat(score.get("agentId").asString()).isEqualTo(agent.id().toString());
        assertThat(score.get("rubricVersion").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(score.get("judge").asString()).isEqualTo("embedded");
        Map<String, Boolean> verdicts = new java.util.HashMap<>();
        for (JsonNode verdict : score.get("verdicts")) {
            verdicts.put(verdict.get("item").asString(), verdict.get("value").isNull() ? null : verdict.get("value").asBoolean());
            if (!verdict.get("value").isNull()) {
                String messageId = verdict.get("messageId").asString();
                String quote = verdict.get("quote").asString();
                JsonNode message = find(messages, messageId);
                assertThat(message).as("verdict %s rests on a message of the conversation", verdict.get("item")).isNotNull();
                assertThat(message.get("text").asString()).as("the words of %s", verdict.get("item")).contains(quote);
            }
            assertThat(verdict.get("confidence").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(verdicts).containsEntry("greeted", true).containsEntry("acknowledged_feelings", true)
            .containsEntry("took_ownership", true).containsEntry("clear_next_steps", true)
            .containsEntry("professional_tone", true).containsEntry("confirmed_resolution", true)
            .containsEntry("personalised", true).containsEntry("closed_properly", false)
            .containsKeys("accurate", "policy_compliant");
    }

    @Test
    void onlyTheAgentTheirSupervisorAndAdminsSeeTheScores() {
        UUID conversation = resolvedConversation();
        awaitScore(agent, conversation);
        Agent colleague = Agent.of(api, accounts.agent(team));
        Agent teamSupervisor = Agent.of(api, accounts.user("supervisor", java.util.Set.of(dev.tandem.identity.Role.SUPERVISOR), team));
        Agent otherSupervisor = Agent.of(api, accounts.user("supervisor", java.util.Set.of(dev.tandem.identity.Role.SUPERVISOR),
                accounts.team("other")));
        TestApi admin = api.as("admin", "admin-password-for-tests");

        colleague.api().get("/api/quality/conversations/" + conversation).expectProblem(403);
        colleague.api().get("/api/quality/agents/" + agent.id()).expectProblem(403);
        otherSupervisor.api().get("/api/quality/agents/" + agent.id()).expectProblem(403);
        teamSupervisor.api().get("/api/quality/conversations/" + conversation).expect(200);
        teamSupervisor.api().get("/api/quality/agents/" + agent.id()).expect(200);
        admin.get("/api/quality/agents/" + agent.id()).expect(200);
        JsonNode mine = agent.api().get("/api/quality/agents/me").expect(200).json();
        assertThat(mine.get("conversations").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(mine.get("items").findValuesAsString("item")).contains("greeted", "closed_properly");

        JsonNode teamView = colleague.api().get("/api/quality/team").expect(200).json();
        assertThat(teamView.findValuesAsString("item")).contains("greeted");
        assertThat(teamView.toString()).doesNotContain(agent.id().toString()).doesNotContain(conversation.toString());

        teamSupervisor.api().post("/api/quality/agents/" + agent.id() + "/notes",
                Map.of("item", "closed_properly", "text", "End with a goodbye after their last word.")).expect(201);
        colleague.api().post("/api/quality/agents/" + agent.id() + "/notes", Map.of("text", "no")).expectProblem(403);
        assertThat(agent.api().get("/api/quality/agents/me").expect(200).json().get("notes").findValuesAsString("text"))
            .contains("End with a goodbye after their last word.");
    }

    @Test
    void aDisputeGoesToCalibrationAndTheSupervisorsBlindReviewSettlesIt() {
        UUID conversation = resolvedConversation();
        awaitScore(agent, conversation);
        Agent supervisor = Agent.of(api, accounts.supervisor());

        agent.api().post("/api/quality/conversations/" + conversation + "/disputes", Map.of("item", "nonsense", "reason", "x"))
            .expectProblem(400);
        agent.api().post("/api/quality/conversations/" + conversation + "/disputes", Map.of("item", "closed_properly", "reason", " "))
            .expectProblem(400);
        Agent colleague = Agent.of(api, accounts.agent(team));
        colleague.api().post("/api/quality/conversations/" + conversation + "/disputes",
                Map.of("item", "closed_properly", "reason", "not mine")).expectProblem(403);
        JsonNode dispute = agent.api().post("/api/quality/conversations/" + conversation + "/disputes",
                Map.of("item", "closed_properly", "reason", "The customer only said thanks after my goodbye.")).expect(201).json();
        assertThat(dispute.get("status").asString()).isEqualTo("OPEN");
        agent.api().post("/api/quality/conversations/" + conversation + "/disputes",
                Map.of("item", "closed_properly", "reason", "again")).expectProblem(409);

        JsonNode queue = supervisor.api().get("/api/quality/calibration/queue").expect(200).json();
        assertThat(queue.findValuesAsString("conversationId")).contains(conversation.toString());
        JsonNode task = supervisor.api().get("/api/quality/calibration/" + conversation).expect(200).json();
        assertThat(task.toString()).as("blind: no automatic verdict in the task").doesNotContain("\"verdicts\"")
            .doesNotContain("\"value\"");
        assertThat(task.get("items").findValuesAsString("name")).contains("closed_properly");
        agent.api().get("/api/quality/calibration/queue").expectProblem(403);

        supervisor.api().post("/api/quality/calibration/" + conversation, Map.of("labels", Map.of("bogus", true))).expectProblem(400);
        Map<String, Object> labels = new java.util.HashMap<>();
        labels.put("greeted", true);
        labels.put("closed_properly", true);
        labels.put("acknowledged_feelings", null);
        JsonNode comparison = supervisor.api().post("/api/quality/calibration/" + conversation, Map.of("labels", labels))
            .expect(201).json();
        assertThat(comparison.findValuesAsString("item")).contains("greeted", "closed_properly");
        supervisor.api().post("/api/quality/calibration/" + conversation, Map.of("labels", labels)).expectProblem(409);

        JsonNode score = agent.api().get("/api/quality/conversations/" + conversation).expect(200).json();
        JsonNode closed = verdict(score, "closed_properly");
        assertThat(closed.get("value").asBoolean()).as("corrected by the review").isTrue();
        assertThat(closed.get("automatic").asBoolean()).isFalse();
        assertThat(score.get("disputes").get(0).get("status").asString()).isEqualTo("UPHELD");

        JsonNode agreement = supervisor.api().get("/api/quality/calibration").expect(200).json();
        JsonNode greeted = null;
        for (JsonNode item : agreement.get("items")) {
            if (item.get("item").asString().equals("greeted")) {
                greeted = item;
            }
        }
        assertThat(greeted.get("reviews").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(agreement.get("history")).isNotEmpty();
    }

    @Test
    void anAdminSavesANewRubricVersionAndABadOneIsRefusedWithTheReason() {
        TestApi admin = api.as("admin", "admin-password-for-tests");
        JsonNode active = admin.get("/api/admin/quality/rubric").expect(200).json();
        assertThat(active.get("items").findValuesAsString("name")).contains("greeted", "acknowledged_feelings", "took_ownership",
                "clear_next_steps", "professional_tone", "confirmed_resolution", "personalised", "closed_properly", "accurate",
                "policy_compliant");
        String problem = admin.put("/api/admin/quality/rubric", Map.of("yaml", "items:\n  - name: greeted\n    weight: 1\n"))
            .expectProblem(400).detail();
        assertThat(problem).contains("greeted").contains("definition");
        JsonNode saved = admin.put("/api/admin/quality/rubric", Map.of("yaml", active.get("yaml").asString())).expect(201).json();
        assertThat(saved.get("version").asInt()).isGreaterThan(active.get("version").asInt());
        agent.api().get("/api/admin/quality/rubric").expectProblem(403);
    }

    /** A conversation an agent handled well but let the customer speak last. */
    private UUID resolvedConversation() {
        var inbox = inboxes.create(new WidgetInboxes.Settings("Quality", "Quality Ltd", "Hello!", "#123abc", team.id()));
        var customer = WidgetCustomer.start(api, Map.of("inbox", inbox.key(), "message",
                "My order 48213 never arrived and I'm really worried, it's a birthday present", "customer",
                Map.of("name", "Maria Lopez", "email", "maria@example.com")));
        agent.reply(customer.id(), "Hi Maria, I'm Sam from Quality Ltd, thanks for contacting us. I'm so sorry to hear that, "
                + "I understand how worrying that is with a birthday coming up.").expect(201);
        agent.reply(customer.id(), "I've checked order 48213: it was stuck at the depot. I've sent a replacement by express "
                + "and you'll get the tracking link by email within 2 hours. Is there anything else I can help with?").expect(201);
        customer.post("No, that's all, thank you!").expect(201);
        agent.resolve(customer.id()).expect(200);
        return customer.id();
    }

    private static JsonNode awaitScore(Agent agent, UUID conversation) {
        return await().atMost(WAIT).until(() -> {
            var response = agent.api().get("/api/quality/conversations/" + conversation);
            return response.status() == 200 ? response.json() : null;
        }, java.util.Objects::nonNull);
    }

    private static JsonNode find(JsonNode messages, String id) {
        for (JsonNode message : messages) {
            if (message.get("id").asString().equals(id)) {
                return message;
            }
        }
        return null;
    }

    private static JsonNode verdict(JsonNode score, String item) {
        for (JsonNode verdict : score.get("verdicts")) {
            if (verdict.get("item").asString().equals(item)) {
                return verdict;
            }
        }
        throw new AssertionError("no verdict on " + item);
    }
}
