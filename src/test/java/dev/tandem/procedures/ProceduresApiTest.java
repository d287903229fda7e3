package dev.tandem.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.knowledge.ImportKnowledge;
import dev.tandem.knowledge.KnowledgeSearch;
import dev.tandem.northwind.BackendFaults;
import tools.jackson.databind.JsonNode;

/**
 * The demo procedures through the widget API on the demo workspace, with the built-in Northwind back end
 * reached over HTTP: a customer (name and email given at the start, as the widget does) asks, answers what
 * the assistant asks, and the thing gets done, once.
 */
@TandemTest
@TestPropertySource(properties = { "tandem.demo=true", "tandem.answering.enabled=true",
        // one attempt waits at most a second, so the timeout cases take seconds, not the default 5 s each
        "tandem.procedures.systems.northwind.timeout=PT1S",
        "tandem.procedures.systems.northwind.breaker-open-for=PT0.2S" })
class ProceduresApiTest {

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
    BackendFaults faults;

    TestApi api;
    Northwind northwind;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        northwind = new Northwind(api);
        DemoKnowledge.ensureIndexed(knowledge, importer);
    }

    @AfterEach
    void healBackEnd() {
        faults.clear();
    }

    private WidgetCustomer ada(String message) {
        return WidgetCustomer.start(api, Map.of("message", message,
                "customer", Map.of("name", "Ada Lovelace", "email", Northwind.ADA)));
    }

    /**
     * Posts a message and returns the POST's answer once it holds the assistant's reply: usually the POST
     * carries it; when the turn could not start at once it comes over the stream, and the conversation is read.
     */
    private static JsonNode answer(WidgetCustomer customer, String text) {
        JsonNode posted = customer.post(text).expect(201).json();
        if (!posted.get("awaitingReply").asBoolean(false)) {
            return posted;
        }
        String sent = posted.get("messages").get(0).get("id").asString();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            JsonNode view = customer.view();
            List<JsonNode> after = new java.util.ArrayList<>();
            boolean seen = false;
            for (JsonNode message : view.get("messages")) {
                if (seen) {
                    after.add(message);
                }
                seen |= message.get("id").asString().equals(sent);
            }
            if (after.stream().anyMatch(m -> !m.get("author").asString().equals("CUSTOMER"))) {
                var result = TestApi.JSON.createObjectNode();
                result.put("status", view.get("status").asString());
                result.set("messages", TestApi.JSON.valueToTree(after));
                return result;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no reply to " + text);
    }

    /** The assistant's latest reply in a POST's answer. */
    private static String said(JsonNode answer) {
        JsonNode messages = answer.get("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).get("author").asString().equals("AI")) {
                return messages.get(i).get("text").asString();
            }
        }
        throw new AssertionError("the assistant said nothing: " + answer);
    }

    private static String said(WidgetCustomer customer) {
        return said(customer.started());
    }

    @Test
    void aForgottenPasswordGetsExactlyOneResetEmailHoweverOftenItIsAsked() throws Exception {
        Instant since = Instant.now().minusMillis(5);
        var customer = ada("I forgot my password, can you send me a reset link?");

        assertThat(said(customer)).contains("AI assistant").contains("reset link is on its way").contains(Northwind.ADA);
        List<JsonNode> sent = northwind.emails(Northwind.ADA, "Reset your Northwind password", since);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("body").asString()).contains("Hi Ada Lovelace").contains("https://northwind.example/reset-password?token=");

        // the customer asks again (a new run of the procedure, same idempotency key), and the widget retries
        // that POST (same clientMessageId)
        String retried = UUID.randomUUID().toString();
        customer.post("Oops, I deleted that email. Send the reset link once more please", retried).expect(201);
        customer.post("Oops, I deleted that email. Send the reset link once more please", retried).expect(200);
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (customer.view().get("messages").valueStream()
            .filter(m -> m.get("text").asString().contains("reset link is on its way")).count() < 2 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(customer.view().get("messages").valueStream().map(m -> m.get("text").asString()))
            .as("asked again, the procedure ran again").filteredOn(t -> t.contains("reset link is on its way")).hasSize(2);

        assertThat(northwind.emails(Northwind.ADA, "Reset your Northwind password", since)).as("one email, however often asked").hasSize(1);
        assertThat(awaitAudit(customer.id(), "password-reset")).as("audited, the address masked").contains("a***@example.com")
            .doesNotContain(Northwind.ADA).contains("done (202)");
    }

    @Test
    void aQuestionAboutHowToResetIsAnsweredFromTheHelpCentreNotDone() {
        var customer = ada("How do I reset my password?");
        JsonNode reply = customer.started().get("messages").get(1);
        assertThat(reply.get("citations").get(0).get("title").asString()).isEqualTo("Reset your password");
    }

    @Test
    void orderStatusAsksForTheNumberAgainWithHelpWhenTheAnswerHasNone() {
        var customer = ada("Where is my order?");
        assertThat(said(customer)).contains("order number").contains("NW-");

        String invalid = said(answer(customer, "it's the blue tent one"));
        assertThat(invalid).contains("couldn't find an order number").contains("NW-1234");

        String status = said(answer(customer, "nw 1004"));
        assertThat(status).contains("NW-1004").contains("on its way").contains("UPS").contains("1Z999AA10123456785");
    }

    @Test
    void anOrderOfSomeoneElseIsNotShown() {
        var customer = WidgetCustomer.start(api, Map.of("message", "Where is my order NW-1001?",
                "customer", Map.of("name", "Grace Hopper", "email", "grace@example.com")));

        assertThat(said(customer)).contains("don't belong together").contains("order number")
            .doesNotContain("delivered").doesNotContain("1Z999AA10123456784");
    }

    @Test
    void theGiftCardBalanceNeedsTheEmailedCode() {
        Instant since = Instant.now().minusMillis(5);
        var customer = ada("Can you check my gift card balance?");
        assertThat(said(customer)).contains("6-digit code").contains(Northwind.ADA);
        String code = northwind.latestCode(Northwind.ADA, since);

        assertThat(said(answer(customer, code))).contains("GC-1234-5678");
        String balance = said(answer(customer, "GC 4417 2291"));

        assertThat(balance).contains("$25.00").contains("GC-4417-2291");
    }

    @Test
    void wrongCodesLockVerificationAndAPersonTakesOverWithWhatWasAsked() {
        Instant since = Instant.now().minusMillis(5);
        var customer = ada("How much is left on my gift card GC-4417-2291?");
        String code = northwind.latestCode(Northwind.ADA, since);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThat(said(answer(customer, wrong))).contains("doesn't match").contains("2 tries left");
        assertThat(said(answer(customer, wrong))).contains("1 tries left");
        JsonNode locked = answer(customer, wrong);

        assertThat(said(locked)).contains("couldn't verify");
        assertThat(locked.get("status").asString()).isEqualTo("QUEUED");
        var agent = Agent.of(api, new TestAccounts(accounts, teams).supervisor());
        JsonNode packet = agent.api().get("/api/conversations/" + customer.id() + "/handoff").expect(200).json();
        assertThat(packet.get("why").asString()).contains("Identity verification failed");
        JsonNode task = packet.get("tasks").get(0);
        assertThat(task.get("name").asString()).isEqualTo("Gift card balance");
        assertThat(task.get("asked").get("gift_card").asString()).as("not asked again by the agent").isEqualTo("GC-4417-2291");
        assertThat(task.get("verified").toString()).doesNotContain("by one-time code");
        assertThat(packet.toString()).as("codes never leave the run").doesNotContain(code);
    }

    @Test
    void aSmallRefundIsDoneAtOnceAndARetriedSlowCallRefundsOnce() {
        BigDecimal before = sum(northwind.refunds("NW-1001"));
        var customer = ada("I want a refund for order NW-1001");
        assertThat(said(customer)).contains("How much").contains("back for this order");
        // the order system does the refund but answers too late: the connector tries again with the same key
        faults.slowDown("refund", Duration.ofSeconds(2), 1);

        String done = said(answer(customer, "$10"));

        assertThat(done).contains("refunded $10.00").contains("NW-1001");
        assertThat(sum(northwind.refunds("NW-1001")).subtract(before)).as("refunded once").isEqualByComparingTo("10.00");
    }

    @Test
    void aSystemThatDoesNotAnswerGetsAnApologyAndAPersonWhoSeesWhatWasDone() {
        BigDecimal before = sum(northwind.refunds("NW-1001"));
        var customer = ada("I'd like a refund for NW-1001 please");
        faults.slowDown("refund", Duration.ofSeconds(2), 10);

        JsonNode answer = answer(customer, "5 dollars");

        assertThat(said(answer)).contains("isn't answering").contains("won't have to repeat");
        assertThat(answer.get("status").asString()).isEqualTo("QUEUED");
        assertThat(sum(northwind.refunds("NW-1001")).subtract(before)).as("every attempt carried one key: one refund")
            .isEqualByComparingTo("5.00");
        var agent = Agent.of(api, new TestAccounts(accounts, teams).supervisor());
        JsonNode task = agent.api().get("/api/conversations/" + customer.id() + "/handoff").expect(200).json().get("tasks").get(0);
        assertThat(task.get("state").asString()).contains("no answer").contains("idempotency key");
        assertThat(task.get("asked").get("order_number").asString()).isEqualTo("NW-1001");
        assertThat(task.get("asked").get("amount").asString()).isEqualTo("5.00");
    }

    @Test
    void theCustomerCanCancelMidwayAndNothingChanges() {
        BigDecimal before = sum(northwind.refunds("NW-1001"));
        var customer = ada("I want my money back for order NW-1001");
        assertThat(said(customer)).contains("How much");

        JsonNode cancelled = answer(customer, "never mind");

        assertThat(said(cancelled)).contains("stopped there and nothing was changed");
        assertThat(cancelled.get("status").asString()).isEqualTo("AI");
        assertThat(sum(northwind.refunds("NW-1001"))).isEqualByComparingTo(before);
        // the next message is a new question, not an answer to the cancelled one
        assertThat(said(answer(customer, "$20"))).doesNotContain("refunded");
    }

    @Test
    void aRefundOverTheLimitWaitsForASupervisorAndIsDoneOnceWhenApproved() throws Exception {
        BigDecimal before = sum(northwind.refunds("NW-1002"));
        var customer = ada("I'd like a refund for order NW-1002");
        assertThat(said(customer)).contains("How much").contains("$129.00");

        JsonNode waiting = answer(customer, "$120");
        assertThat(said(waiting)).contains("$120.00").contains("team member");
        assertThat(said(answer(customer, "any news?"))).contains("still with a team member");
        assertThat(sum(northwind.refunds("NW-1002"))).as("nothing refunded before the approval").isEqualByComparingTo(before);

        var supervisor = Agent.of(api, new TestAccounts(accounts, teams).supervisor()).api();
        JsonNode approval = supervisor.get("/api/approvals").expect(200).json().valueStream()
            .filter(a -> a.get("conversationId").asString().equals(customer.id().toString())).findFirst().orElseThrow();
        assertThat(approval.get("title").asString()).isEqualTo("Refund $120.00 of order NW-1002");
        assertThat(approval.get("details").asString()).contains("Ada Lovelace").contains("$129.00");
        var agent = Agent.of(api, new TestAccounts(accounts, teams).agent()).api();
        agent.post("/api/approvals/" + approval.get("id").asString() + "/approve", null).expectProblem(403);

        supervisor.post("/api/approvals/" + approval.get("id").asString() + "/approve", Map.of("note", "loyal customer")).expect(200);
        supervisor.post("/api/approvals/" + approval.get("id").asString() + "/approve", null).expectProblem(409);

        String done = awaitReply(customer, "refunded $120.00");
        assertThat(done).contains("NW-1002");
        assertThat(northwind.refunds("NW-1002").size()).isEqualTo(1 + (int) before.signum());
        assertThat(sum(northwind.refunds("NW-1002")).subtract(before)).as("executed exactly once").isEqualByComparingTo("120.00");
        assertThat(awaitAudit(customer.id(), "approved by")).contains("refund");
        assertThat(awaitAudit(customer.id(), "amount=120.00")).contains("done (201)");
    }

    @Test
    void anAddressChangesWhileTheOrderIsInTheWarehouseOnly() {
        var customer = ada("I need to change the delivery address of NW-1003");
        assertThat(said(customer)).contains("new delivery address");

        assertThat(said(answer(customer, "Paris"))).contains("too short for an address");
        String done = said(answer(customer, "10 Downing Street, London SW1A 2AA, United Kingdom"));

        assertThat(done).contains("NW-1003").contains("10 Downing Street");
        assertThat(northwind.order("NW-1003").get("shippingAddress").asString()).isEqualTo("10 Downing Street, London SW1A 2AA, United Kingdom");

        var late = ada("Can I change the shipping address for NW-1004?");
        assertThat(said(late)).contains("already left our warehouse");
    }

    @Test
    void valuesGivenEarlierInTheConversationAreNotAskedAgain() {
        var customer = ada("Where is my order NW-1001?");
        assertThat(said(customer)).contains("delivered");

        String refund = said(answer(customer, "I want a refund for it"));

        assertThat(refund).as("the order number is known").contains("How much").doesNotContain("What's your order number");
    }

    /** The audit entry of the conversation whose detail contains {@code text}, once its listener has written it. */
    private String awaitAudit(UUID conversation, String text) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            JsonNode entries = api.as("admin", "admin-password-for-tests")
                .get("/api/admin/audit?action=PROCEDURE_ACTION&limit=500").expect(200).json().get("items");
            for (JsonNode entry : entries) {
                if (entry.toString().contains(conversation.toString()) && entry.get("detail").asString().contains(text)) {
                    return entry.get("detail").asString();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit entry with " + text);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Waits (on state, up to a minute) for an AI message containing {@code text}; the reply comes over the stream. */
    private static String awaitReply(WidgetCustomer customer, String text) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            for (JsonNode message : customer.view().get("messages")) {
                if (message.get("author").asString().equals("AI") && message.get("text").asString().contains(text)) {
                    return message.get("text").asString();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no reply containing " + text + ": " + customer.view());
    }
}
