package dev.tandem.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.tandem.Agent;
import dev.tandem.DemoKnowledge;
import dev.tandem.FormSession;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import tools.jackson.databind.JsonNode;

/**
 * Outcomes, CSAT and the resolution ledger as customers, a supervisor and an admin meet them: a confirmed answer
 * becomes a ledger entry once its window has passed, and a reopen dated inside the window that arrives after the
 * entry reverses it with a correction line; handed-over conversations count the facts the customer had to repeat;
 * ratings are validated and taken once, in the widget and through the emailed link.
 *
 * <p>Time is moved by running the once-per-cluster job "as of" a later moment ({@link OutcomeSweep#run(Instant)}):
 * what the job sees is the stored evidence, dated by the real clock, and the moment it judges at.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true" })
class OutcomesApiTest {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeSearch knowledge;

    @Autowired
    ImportKnowledge importer;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    OutcomeSweep sweep;

    @Autowired
    RecordOutcomes outcomes;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    TestApi admin;
    Agent supervisor;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        admin = api.as("admin", ADMIN_PASSWORD);
        supervisor = Agent.of(api, new TestAccounts(userAccounts, teams).supervisor());
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @Test
    void aConfirmedAnswerEntersTheLedgerAfterItsWindowAndAReopenInsideTheWindowReversesIt() {
        var customer = WidgetCustomer.start(api, "do you take paypal?");
        JsonNode answer = aiReply(customer.started());
        feedback(customer, answer, true).expect(200);
        supervisor.resolve(customer.id()).expect(200);
        JsonNode outcome = awaitOutcome(customer.id(), "AI_RESOLVED");
        assertThat(outcome.get("confirmation").asString()).isEqualTo("answer-confirmed");
        assertThat(outcome.get("aiOnly").asBoolean()).isTrue();
        assertThat(outcome.get("firstResponseSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(outcome.get("reliefSeconds").asLong()).isGreaterThanOrEqualTo(0);
        Instant endedAt = Instant.parse(outcome.get("endedAt").asString());

        sweep.run(endedAt.plus(Duration.ofHours(71)));
        assertThat(lines(customer.id())).as("inside the window: not yet").isEmpty();

        Instant judgedAt = endedAt.plus(Duration.ofHours(73));
        sweep.run(judgedAt);
        assertThat(lines(customer.id())).containsExactly("ENTRY");
        UUID entryId = jdbc.sql("select id from resolution_ledger where conversation_id = ? and kind = 'ENTRY'")
            .param(customer.id()).query(UUID.class).single();
        String entryBefore = jdbc.sql("select evidence from resolution_ledger where id = ?").param(entryId)
            .query(String.class).single();
        JsonNode opened = supervisor.api().get("/api/insight/ledger/" + entryId).expect(200).json();
        assertThat(opened.get("entry").get("evidence").get("reason").asString()).contains("handled it alone");
        assertThat(opened.get("entry").get("evidence").get("confirmation").get("ref").asString())
            .isEqualTo(answer.get("id").asString());
        assertThat(opened.get("entry").get("definitionVersion").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(opened.get("reversal").isNull()).isTrue();
        assertThat(supervisor.conversation(customer.id())).isNotNull();
        assertThat(supervisor.api().get("/api/conversations/" + customer.id() + "/outcome").expect(200).json()
            .get("verified").asBoolean()).isTrue();

        // the customer comes back inside the window; the job learns of it after the entry was written
        customer.post("Actually it did not work, paypal was refused").expect(201);
        await().atMost(WAIT).until(() -> evidence(customer.id(), "REOPENED") > 0);
        sweep.run(judgedAt);
        assertThat(lines(customer.id())).containsExactly("ENTRY", "REVERSAL");
        assertThat(jdbc.sql("select evidence from resolution_ledger where id = ?").param(entryId).query(String.class)
            .single()).as("the entry itself is never changed").isEqualTo(entryBefore);
        opened = supervisor.api().get("/api/insight/ledger/" + entryId).expect(200).json();
        assertThat(opened.get("reversal").get("reverses").asString()).isEqualTo(entryId.toString());
        assertThat(opened.get("reversal").get("evidence").get("reason").asString()).startsWith("Reopened at");
        sweep.run(judgedAt);
        assertThat(lines(customer.id())).as("a second run writes nothing twice").containsExactly("ENTRY", "REVERSAL");

        String month = ResolutionLedger.MONTH.format(judgedAt);
        JsonNode totals = supervisor.api().get("/api/insight/ledger/totals").expect(200).json();
        assertThat(totals.findValuesAsString("month")).contains(month);
        String csv = supervisor.api().get("/api/insight/ledger/export.csv?month=" + month).expect(200).body();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("sequence,id,kind,recorded_at,month,conversation_id");
        assertThat(csv.lines().filter(l -> l.contains(customer.id().toString()))).hasSize(2);
        JsonNode json = supervisor.api().get("/api/insight/ledger/export.json?month=" + month).expect(200).json();
        assertThat(json.findValuesAsString("conversationId").stream().filter(customer.id().toString()::equals)).hasSize(2);
    }

    @Test
    void aReopenAfterTheWindowLeavesTheEntryStanding() {
        var customer = WidgetCustomer.start(api, "do you take paypal?");
        feedback(customer, aiReply(customer.started()), true).expect(200);
        supervisor.resolve(customer.id()).expect(200);
        Instant endedAt = Instant.parse(awaitOutcome(customer.id(), "AI_RESOLVED").get("endedAt").asString());
        sweep.run(endedAt.plus(Duration.ofHours(73)));
        outcomes.record(customer.id(), Evidence.Kind.REOPENED, endedAt.plus(Duration.ofHours(80)), "later");
        sweep.run(endedAt.plus(Duration.ofHours(81)));
        assertThat(lines(customer.id())).containsExactly("ENTRY");
    }

    @Test
    void anAnswerWithoutConfirmationIsClaimedButNeverEntered() {
        var customer = WidgetCustomer.start(api, "do you take paypal?");
        aiReply(customer.started());
        supervisor.resolve(customer.id()).expect(200);
        Instant endedAt = Instant.parse(awaitOutcome(customer.id(), "AI_RESOLVED").get("endedAt").asString());
        sweep.run(endedAt.plus(Duration.ofHours(73)));
        assertThat(lines(customer.id())).isEmpty();
    }

    @Test
    void quietConversationsEndAbandonedWhileWaitingForAPersonAndAiResolvedAfterTheAssistantsAnswer() {
        Instant before = Instant.now().minusSeconds(60);
        var waiting = WidgetCustomer.start(api, "My account is locked and I need help");
        waiting.handoff().expect(200);
        var answered = WidgetCustomer.start(api, "do you take paypal?");
        feedback(answered, aiReply(answered.started()), true).expect(200);
        Instant later = Instant.now().plus(Duration.ofHours(25));
        sweep.quiet(before, later.minus(Duration.ofHours(24)), later);
        assertThat(awaitOutcome(waiting.id(), "ABANDONED").get("endedAt").isNull()).isFalse();
        JsonNode outcome = awaitOutcome(answered.id(), "AI_RESOLVED");
        assertThat(outcome.get("confirmation").asString()).isEqualTo("answer-confirmed");
        Instant endedAt = Instant.parse(outcome.get("endedAt").asString());
        sweep.run(endedAt.plus(Duration.ofHours(73)));
        assertThat(lines(answered.id())).as("confirmed and quiet: verified").containsExactly("ENTRY");
    }

    @Test
    void aNewContactOnTheSameTopicInsideTheWindowKeepsTheFirstOutOfTheLedger() {
        String email = TestAccounts.unique("again") + "@example.com";
        var first = WidgetCustomer.start(api, Map.of("message", "do you take paypal?", "customer", Map.of("email", email)));
        feedback(first, aiReply(first.started()), true).expect(200);
        supervisor.resolve(first.id()).expect(200);
        Instant endedAt = Instant.parse(awaitOutcome(first.id(), "AI_RESOLVED").get("endedAt").asString());

        var second = WidgetCustomer.start(api, Map.of("message", "do you take paypal?", "customer", Map.of("email", email)));
        supervisor.resolve(second.id()).expect(200);
        await().atMost(WAIT).until(() -> evidence(first.id(), "REPEAT_SAME_TOPIC")
                + evidence(first.id(), "REPEAT_UNKNOWN_TOPIC") > 0);
        sweep.run(endedAt.plus(Duration.ofHours(73)));
        assertThat(lines(first.id())).isEmpty();
    }

    @Test
    void aHandedOverConversationIsResolvedByAPersonAndCountsTheFactsTheCustomerHadToRepeat() {
        var customer = WidgetCustomer.start(api, "Where is my order NW-48213? It has not arrived.");
        customer.handoff().expect(200);
        customer.post("As I said, it is order NW-48213, please check").expect(201);
        supervisor.resolve(customer.id()).expect(200);
        JsonNode outcome = awaitOutcome(customer.id(), "HUMAN_RESOLVED");
        assertThat(outcome.get("aiOnly").asBoolean()).isFalse();
        assertThat(outcome.get("handoffAt").isNull()).isFalse();
        assertThat(outcome.get("repeatedFacts").asInt()).isEqualTo(1);
        sweep.run(Instant.parse(outcome.get("endedAt").asString()).plus(Duration.ofHours(73)));
        assertThat(lines(customer.id())).isEmpty();
    }

    @Test
    void theWidgetTakesOneValidRatingFromTheConversationsOwnCustomerOnceItIsResolved() {
        var customer = WidgetCustomer.start(api, "do you take paypal?");
        String path = customer.path() + "/rating";
        assertThat(api.post(path, Map.of("rating", 5), WidgetCustomer.TOKEN_HEADER, customer.token())
            .expectProblem(409).detail()).contains("not resolved yet");
        supervisor.resolve(customer.id()).expect(200);
        assertThat(api.post(path, Map.of("rating", 0), WidgetCustomer.TOKEN_HEADER, customer.token())
            .expectProblem(400).detail()).contains("from 1");
        assertThat(api.post(path, Map.of("rating", 6), WidgetCustomer.TOKEN_HEADER, customer.token())
            .expectProblem(400).detail()).contains("from 1");
        api.post(path, null, WidgetCustomer.TOKEN_HEADER, customer.token()).expectProblem(400);
        assertThat(api.post(path, Map.of("rating", 4, "comment", "x".repeat(1001)), WidgetCustomer.TOKEN_HEADER,
                customer.token()).expectProblem(400).detail()).contains("at most 1000");
        var other = WidgetCustomer.start(api, "hello");
        assertThat(api.post(path, Map.of("rating", 1), WidgetCustomer.TOKEN_HEADER, other.token()).status())
            .as("another conversation's token").isIn(401, 403, 404);
        api.post(path, Map.of("rating", 2), WidgetCustomer.TOKEN_HEADER, customer.token()).expect(201);
        assertThat(api.post(path, Map.of("rating", 5), WidgetCustomer.TOKEN_HEADER, customer.token())
            .expectProblem(409).detail()).contains("rated already");
        await().atMost(WAIT).until(() -> supervisor.api().get("/api/conversations/" + customer.id() + "/outcome")
            .json().path("csat").asInt() == 2);
        assertThat(evidence(customer.id(), "RATED")).isEqualTo(1);
    }

    @Test
    void aResolvedCustomerWithAnAddressIsEmailedALinkToARatingPageThatDisclosesNothingElse() {
        String email = TestAccounts.unique("rater") + "@example.com";
        var customer = WidgetCustomer.start(api, Map.of("message", "do you take paypal? I need it for order NW-55501",
                "customer", Map.of("name", "Rita Rater", "email", email)));
        supervisor.resolve(customer.id()).expect(200);
        String body = await().atMost(WAIT).until(() -> emailTo(email), b -> b != null);
        Matcher link = Pattern.compile("https?://[^\\s]+(/rate/[A-Za-z0-9_.-]+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(body).doesNotContain("NW-55501").doesNotContain("paypal");

        var page = FormSession.anonymous(port);
        var shown = page.get(link.group(1));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("How did we do?").doesNotContain("Rita").doesNotContain("NW-55501")
            .doesNotContain("paypal").doesNotContain(customer.id().toString());
        var rated = page.submit(link.group(1), Map.of("rating", "5", "comment", "Quick and kind"));
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(rated.body()).contains("Thank you for your rating");
        assertThat(page.submit(link.group(1), Map.of("rating", "1")).body()).contains("rated already");
        assertThat(jdbc.sql("select rating from csat_rating where conversation_id = ?").param(customer.id())
            .query(Integer.class).single()).isEqualTo(5);

        String forged = link.group(1).substring(0, link.group(1).length() - 3) + "abc";
        assertThat(page.get(forged).statusCode()).isEqualTo(404);
        assertThat(page.get("/rate/" + UUID.randomUUID()).body()).contains("This link does not work");
    }

    @Test
    void theDefinitionIsVersionedAuditedAndOnlyAnAdminChangesIt() {
        JsonNode current = supervisor.api().get("/api/insight/ledger/definition").expect(200).json();
        String yaml = current.get("yaml").asString();
        assertThat(yaml).contains("window:");
        assertThat(supervisor.api().put("/api/insight/ledger/definition", Map.of("yaml", yaml)).expectProblem(403)
            .detail()).contains("admin");
        assertThat(admin.put("/api/insight/ledger/definition", Map.of("yaml", "window: soon\nconfirmations: [answer-confirmed]"))
            .expectProblem(400).detail()).contains("duration");
        JsonNode saved = admin.put("/api/insight/ledger/definition", Map.of("yaml", yaml + "\n# reviewed\n")).expect(200)
            .json();
        assertThat(saved.get("version").asInt()).isGreaterThan(current.get("version").asInt());
        assertThat(saved.get("history").findValuesAsString("author")).contains("admin", "shipped");
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from audit_entry where action = 'RESOLUTION_DEFINITION_SAVED' "
                + "and target_id = ?").param(String.valueOf(saved.get("version").asInt())).query(Long.class).single() > 0);

        var agent = Agent.of(api, new TestAccounts(userAccounts, teams).agent());
        assertThat(agent.api().get("/api/insight/ledger").expectProblem(403).detail()).contains("admins and supervisors");
        supervisor.api().get("/api/insight/ledger?month=december").expectProblem(400);
    }

    @Test
    void exportAndErasureCoverOutcomesAndRatingsWhileTheLedgerKeepsNoPersonalData() {
        String email = TestAccounts.unique("erased") + "@example.com";
        var customer = WidgetCustomer.start(api, Map.of("message", "do you take paypal?",
                "customer", Map.of("name", "Eve Erased", "email", email)));
        feedback(customer, aiReply(customer.started()), true).expect(200);
        supervisor.resolve(customer.id()).expect(200);
        Instant endedAt = Instant.parse(awaitOutcome(customer.id(), "AI_RESOLVED").get("endedAt").asString());
        api.post(customer.path() + "/rating", Map.of("rating", 5, "comment", "Lovely"), WidgetCustomer.TOKEN_HEADER,
                customer.token()).expect(201);
        sweep.run(endedAt.plus(Duration.ofHours(73)));

        JsonNode export = admin.get("/api/admin/privacy/export?email=" + email).expect(200).json();
        JsonNode insight = export.get("data").get("insight");
        assertThat(insight.get("conversation_outcome")).hasSize(1);
        assertThat(insight.get("csat_rating").get(0).get("comment").asString()).isEqualTo("Lovely");
        assertThat(insight.get("outcome_evidence").findValuesAsString("kind")).contains("RATED");

        admin.post("/api/admin/privacy/erasures", Map.of("email", email)).expect(200);
        for (String table : new String[] { "conversation_outcome", "csat_rating", "outcome_evidence" }) {
            assertThat(jdbc.sql("select count(*) from " + table + " where conversation_id = ?").param(customer.id())
                .query(Long.class).single()).as(table).isZero();
        }
        String line = jdbc.sql("select evidence from resolution_ledger where conversation_id = ?").param(customer.id())
            .query(String.class).single();
        assertThat(line).doesNotContain("Eve").doesNotContain(email).doesNotContain("Lovely").doesNotContain("paypal");
    }

    private JsonNode awaitOutcome(UUID conversation, String expected) {
        return await().atMost(WAIT).until(() -> {
            var response = supervisor.api().get("/api/conversations/" + conversation + "/outcome");
            return response.status() == 200 ? response.json() : null;
        }, json -> json != null && expected.equals(json.get("outcome").asString()));
    }

    private java.util.List<String> lines(UUID conversation) {
        return jdbc.sql("select kind from resolution_ledger where conversation_id = ? order by sequence_no")
            .param(conversation).query(String.class).list();
    }

    private long evidence(UUID conversation, String kind) {
        return jdbc.sql("select count(*) from outcome_evidence where conversation_id = ? and kind = ?")
            .params(conversation, kind).query(Long.class).single();
    }

    private String emailTo(String address) {
        return jdbc.sql("select body from outbox_email where recipient = ? and subject = ?")
            .params(address, RatingEmails.SUBJECT).query(String.class).optional().orElse(null);
    }

    private TestApi.Response feedback(WidgetCustomer customer, JsonNode message, boolean helpful) {
        return api.post(customer.path() + "/messages/" + message.get("id").asString() + "/feedback",
                Map.of("helpful", helpful), WidgetCustomer.TOKEN_HEADER, customer.token());
    }

    private static JsonNode aiReply(JsonNode posted) {
        for (JsonNode message : posted.get("messages")) {
            if ("AI".equals(message.get("author").asString())) {
                return message;
            }
        }
        throw new AssertionError("no AI reply in " + posted);
    }
}
