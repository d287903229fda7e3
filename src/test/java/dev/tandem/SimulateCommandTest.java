package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.channel.WidgetInboxes;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * {@code simulate --url ...} against this test's Tandem (the demo's knowledge, procedures and Northwind back
 * end, on H2 or the shared PostgreSQL schema): one simulated customer of every goal kind, through an inbox and
 * a team of the test's own, with a simulated agent who takes what is handed over; and bad input refused with a
 * clear message and a non-zero status.
 *
 * <p>The same properties as {@code ProceduresApiTest}, so the two share one application context.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true",
        "tandem.procedures.systems.northwind.timeout=PT1S",
        "tandem.procedures.systems.northwind.breaker-open-for=PT0.2S" })
class SimulateCommandTest {

    private static final String SCENARIOS = """
            - id: reset-how
              kind: answer
              persona: {name: Olivia Brown, language: en}
              opening: how do i reset my password
              goal: {articles: [reset-your-password], facts: [forgot password]}
            - id: order-status
              kind: procedure
              persona: {name: Ada Lovelace, email: ada@example.com}
              opening: where is my order NW-1004?
              facts: {order_number: NW-1004, email: ada@example.com}
              goal: {procedure: order-status, facts: [1Z999AA10123456785]}
            - id: wants-a-person
              kind: person
              persona: {name: Jack Wilson, mood: frustrated}
              opening: can I talk to a human please, it's about my order NW-1004
              facts: {order_number: NW-1004}
              agent_reply: Hi Jack, I'm here and I'll look into it now.
            - id: weather
              kind: out_of_scope
              opening: what's the weather going to be like in Yosemite this weekend?
            """;

    @TempDir
    Path dir;

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

    @Autowired
    WidgetInboxes inboxes;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void knowledgeIndexed() throws Exception {
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    private int simulate(String... args) {
        out.reset();
        err.reset();
        return SimulateCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String url() {
        return "http://localhost:" + port;
    }

    @Test
    void everyKindOfCustomerIsSimulatedAndJudgedAndTheReportComparesWithAnEarlierOne() throws IOException {
        var team = new TestAccounts(accounts, teams).team("simulation");
        var inbox = inboxes.create(new WidgetInboxes.Settings(TestAccounts.unique("sim"), "Northwind", "Hi!", "#2f6f4e",
                team.id()));
        // an admin sees every queue, whatever the routing rules other tests left in a shared schema
        var agent = new TestAccounts(accounts, teams).user("simagent", Set.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT), team);
        Path scenarios = Files.writeString(dir.resolve("small.yml"), SCENARIOS);
        Path report = dir.resolve("report.json");

        int status = simulate("--url", url(), "--inbox", inbox.key(), "--scenarios", scenarios.toString(), "--agent",
                agent.username() + ":" + TestAccounts.PASSWORD, "--mailbox", agent.username() + ":" + TestAccounts.PASSWORD,
                "--concurrency", "2", "--json", "--out", report.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = TestApi.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("n").asInt()).isEqualTo(4);
        for (String field : List.of("verifiedResolution", "wrongAnswers", "unnecessaryEscalations", "missedEscalations",
                "correctEscalations")) {
            assertThat(json.path(field).isNumber()).as(field).isTrue();
        }
        Map<String, JsonNode> byScenario = new HashMap<>();
        json.path("conversations").forEach(c -> byScenario.put(c.path("scenario").asString(), c));
        assertThat(byScenario.get("reset-how").path("outcome").asString()).isEqualTo("RESOLVED_BY_AI");
        assertThat(byScenario.get("reset-how").path("verified").asBoolean()).isTrue();
        assertThat(byScenario.get("order-status").path("outcome").asString()).isEqualTo("RESOLVED_BY_AI");
        assertThat(byScenario.get("wants-a-person").path("outcome").asString()).isEqualTo("ESCALATED_CORRECTLY");
        // the simulated agent answered, so the customer got relief from a person
        assertThat(byScenario.get("wants-a-person").path("timeToReliefSeconds").isNumber()).isTrue();
        // and the handoff packet held the order number the customer gave: nothing to repeat
        assertThat(json.path("handoffsChecked").asInt()).isEqualTo(1);
        assertThat(byScenario.get("wants-a-person").path("hadToRepeat").asBoolean()).isFalse();
        assertThat(json.path("repeatAfterHandoff").asDouble()).isZero();
        assertThat(byScenario.get("weather").path("wrongAnswer").asBoolean()).isFalse();
        assertThat(byScenario.get("weather").path("outcome").asString()).isEqualTo("DECLINED_CORRECTLY");
        assertThat(json.path("verifiedResolution").asDouble()).isEqualTo(0.5);
        assertThat(json.path("byKind").path("procedure").path("n").asInt()).isEqualTo(1);
        assertThat(json.path("byLanguage").path("en").path("n").asInt()).isEqualTo(4);
        assertThat(json.path("timeToReliefSeconds").path("p50").isNumber()).isTrue();

        // the conversations are real: the agent reads the one handed over with the simulated agent's reply
        String handedOver = byScenario.get("wants-a-person").path("conversationId").asString();
        JsonNode conversation = new TestApi(port).as(agent.username(), TestAccounts.PASSWORD)
            .get("/api/conversations/" + handedOver).json();
        assertThat(conversation.toString()).contains("I'm here and I'll look into it now.");

        // the readable table and the comparison with the kept report
        assertThat(Files.readString(report)).contains("\"verifiedResolution\"");
        assertThat(simulate("--url", url(), "--inbox", inbox.key(), "--scenarios", scenarios.toString(), "--compare",
                report.toString(), "--limit", "1")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("verified AI resolution", "by kind", "by language",
                "Compared with the earlier report", "verifiedResolution");
    }

    @Test
    void badInputEndsWithStatus2AndAClearMessage() throws IOException {
        assertThat(simulate("--url", url(), "--scenarios", dir.resolve("missing.yml").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("scenario file not found");

        Path missingColumns = Files.writeString(dir.resolve("bad.jsonl"), """
                {"id": "a", "opening": "hello"}
                {"id": "b", "kind": "answer"}
                """);
        assertThat(simulate("--url", url(), "--scenarios", missingColumns.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.jsonl: scenario 1 ('a'): 'kind' is missing",
                "bad.jsonl: scenario 2 ('b'): 'opening' is missing");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

        Path good = Files.writeString(dir.resolve("good.yml"), SCENARIOS);
        assertThat(simulate("--url", url(), "--inbox", "no-such-inbox", "--scenarios", good.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no widget inbox with key 'no-such-inbox'");

        assertThat(simulate("--url", "http://127.0.0.1:1", "--scenarios", good.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing answers at http://127.0.0.1:1");

        assertThat(simulate("--url", url(), "--concurrency", "zero")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--concurrency needs a whole number from 1 to 64",
                "usage: simulate");
        assertThat(simulate("--url", url(), "--agent", "sam")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--agent needs USER:PASSWORD");
        assertThat(simulate("--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected argument '--frobnicate'");
        Path notAReport = Files.writeString(dir.resolve("old.json"), "{\"hello\": 1}");
        assertThat(simulate("--url", url(), "--compare", notAReport.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a simulate report");
    }
}
