package dev.tandem.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.DemoKnowledge;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * The review gate in the "supervised" roll-out mode, read as a customer, a reviewer and an admin talking: every
 * AI reply waits for a person, the customer is told so, the reviewer's edit is sent once, a rejection hands the
 * conversation over, and every decision is feedback and audit. Also the admin's constitution: a new version with
 * a BLOCK rule replaces a reply at once; one that cannot be read is refused with the line and rule at fault.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true", "tandem.review.mode=supervised",
        "tandem.answering.reply-wait=PT5S" })
class ReviewApiTest {

    static final String QUESTION = "How do I reset my password?";

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Teams teams;

    TestApi api;
    Agent supervisor;
    Agent admin;

    @BeforeEach
    void setUp() throws Exception {
        DemoKnowledge.ensureIndexed(knowledge, importer);
        api = new TestApi(port);
        TestAccounts people = new TestAccounts(accounts, teams);
        supervisor = Agent.of(api, people.supervisor());
        admin = new Agent(api.as("admin", "admin-password-for-tests"), null);
    }

    /** The conversation once the assistant's turn is over: its last message is no longer the customer's. */
    static JsonNode afterTurn(WidgetCustomer customer) {
        JsonNode[] view = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
            view[0] = customer.view();
            JsonNode messages = view[0].get("messages");
            return !"CUSTOMER".equals(messages.get(messages.size() - 1).get("author").asString());
        });
        return view[0];
    }

    private JsonNode heldFor(UUID conversation) {
        JsonNode pending = supervisor.api().get("/api/review").expect(200).json();
        for (JsonNode item : pending) {
            if (item.get("conversationId").asString().equals(conversation.toString())) {
                return item;
            }
        }
        throw new AssertionError("no held reply for conversation " + conversation + " in " + pending);
    }

    private static long aiMessagesSaying(JsonNode conversation, String text) {
        long count = 0;
        for (JsonNode message : conversation.get("messages")) {
            if ("AI".equals(message.get("author").asString()) && message.get("text").asString().contains(text)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aReviewerEditsTheReplyAndTheCustomerGetsItOnce() {
        WidgetCustomer customer = WidgetCustomer.start(api, QUESTION);
        JsonNode started = afterTurn(customer);
        assertThat(started.get("status").asString()).isEqualTo("AI");
        JsonNode notice = started.get("messages").get(started.get("messages").size() - 1);
        assertThat(notice.get("author").asString()).isEqualTo("SYSTEM");
        assertThat(notice.get("text").asString()).contains("a member of our team is checking my answer");

        JsonNode held = heldFor(customer.id());
        assertThat(held.get("reasons").toString()).contains("supervised mode");
        assertThat(held.get("draft").asString()).containsIgnoringCase("password");
        assertThat(held.get("status").asString()).isEqualTo("PENDING");
        assertThat(held.get("dueAt").asString()).isNotBlank();

        String edited = "Select Forgot password? on the sign-in page; the link we email you works for 60 minutes.";
        UUID id = UUID.fromString(held.get("id").asString());
        JsonNode decided = supervisor.api().post("/api/review/" + id + "/approve",
                Map.of("text", edited, "reason", "shorter", "version", held.get("version").asLong())).expect(200).json();
        assertThat(decided.get("status").asString()).isEqualTo("EDITED");
        assertThat(decided.get("finalText").asString()).isEqualTo(edited);

        // a second click, or a second reviewer, sends nothing more
        assertThat(supervisor.api().post("/api/review/" + id + "/approve", Map.of()).expectProblem(409).detail())
            .contains("already edited");
        assertThat(aiMessagesSaying(customer.view(), edited)).isEqualTo(1);
        assertThat(aiMessagesSaying(customer.view(), held.get("draft").asString())).isZero();

        String feedback = supervisor.api().get("/api/review/feedback.jsonl").expect(200).body();
        assertThat(feedback.lines().filter(line -> line.contains(id.toString())).findFirst().orElseThrow())
            .contains("\"approvedText\":\"" + edited.replace("?", "?") + "\"").contains("\"outcome\":\"EDITED\"")
            .contains("\"reason\":\"shorter\"").contains("\"draft\":");

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.api()
            .get("/api/admin/audit?action=REPLY_EDITED&limit=500").expect(200).body()).contains(customer.id().toString()));
    }

    @Test
    void aRejectedReplyIsNeverSentAndAPersonTakesOver() {
        WidgetCustomer customer = WidgetCustomer.start(api, QUESTION);
        afterTurn(customer);
        JsonNode held = heldFor(customer.id());
        String path = "/api/review/" + held.get("id").asString() + "/reject";

        assertThat(supervisor.api().post(path, Map.of()).expectProblem(400).detail()).contains("Say why");
        assertThat(supervisor.api().post(path, Map.of("reason", "wrong article")).expect(200).json().get("status").asString())
            .isEqualTo("REJECTED");

        JsonNode view = customer.view();
        assertThat(view.get("status").asString()).isEqualTo("QUEUED");
        assertThat(aiMessagesSaying(view, held.get("draft").asString())).isZero();
    }

    @Test
    void agentsReviewOnlyTheirTeamsRepliesAndNeverExport() {
        TestAccounts people = new TestAccounts(accounts, teams);
        Agent outsider = Agent.of(api, people.agent(people.team("elsewhere")));
        WidgetCustomer customer = WidgetCustomer.start(api, QUESTION);
        afterTurn(customer);
        JsonNode held = heldFor(customer.id());

        assertThat(outsider.api().get("/api/review/" + held.get("id").asString()).expectProblem(404).detail())
            .contains("No held reply");
        outsider.api().post("/api/review/" + held.get("id").asString() + "/approve", Map.of()).expectProblem(404);
        outsider.api().get("/api/review/feedback.jsonl").expectProblem(403);
        Agent curator = Agent.of(api, people.user("curator", Set.of(Role.CURATOR)));
        curator.api().get("/api/review").expectProblem(403);
        assertThat(heldFor(customer.id()).get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void anAdminsConstitutionTakesEffectAtOnceAndABrokenOneIsRefusedWithItsLine() {
        JsonNode shipped = admin.api().get("/api/admin/constitution").expect(200).json();
        assertThat(shipped.get("rules").toString()).contains("no-card-or-password-request");

        var refused = admin.api().put("/api/admin/constitution", Map.of("yaml",
                "rules:\n  - id: broken\n    description: x\n    check: pattern\n    action: SHOUT\n    patterns: [a]\n"))
            .expectProblem(400);
        assertThat(refused.json().get("line").asInt()).isEqualTo(5);
        assertThat(refused.json().get("rule").asString()).isEqualTo("broken");
        supervisor.api().put("/api/admin/constitution", Map.of("yaml", shipped.get("yaml").asString())).expectProblem(403);

        String strict = shipped.get("yaml").asString() + """
                  - id: no-password-talk
                    description: Test rule, blocks any reply that mentions a password.
                    check: keyword
                    action: BLOCK
                    keywords: [password]
                """;
        int version = admin.api().put("/api/admin/constitution", Map.of("yaml", strict)).expect(201).json().get("version").asInt();
        try {
            JsonNode started = afterTurn(WidgetCustomer.start(api, QUESTION));
            JsonNode reply = started.get("messages").get(started.get("messages").size() - 1);
            assertThat(reply.get("author").asString()).isEqualTo("AI");
            assertThat(reply.get("text").asString()).startsWith("I'm sorry, I can't help with that here.");
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.api()
                .get("/api/admin/audit?action=OUTPUT_RULE_BLOCK&limit=500").expect(200).body())
                .contains("rule no-password-talk of constitution version " + version));
            assertThat(admin.api().get("/api/admin/constitution/versions").expect(200).body()).contains("\"author\":\"admin\"");
        } finally {
            admin.api().put("/api/admin/constitution", Map.of("yaml", shipped.get("yaml").asString())).expect(201);
        }
    }
}
