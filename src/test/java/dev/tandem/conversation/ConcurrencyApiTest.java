package dev.tandem.conversation;

import static dev.tandem.TestApi.map;
import static dev.tandem.TestApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.Agent;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.WidgetCustomer;
import dev.tandem.identity.ApiTokens;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import tools.jackson.databind.JsonNode;

/** Races: several agents claiming at once, retries of one customer message arriving together. */
@TandemTest
class ConcurrencyApiTest {

    static final int AGENTS = 8;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    ApiTokens apiTokens;

    TestApi api;
    TestAccounts accounts;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
        pool = Executors.newFixedThreadPool(AGENTS);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void whenEightAgentsClaimAtOnceExactlyOneGetsIt() throws Exception {
        var team = accounts.team("race");
        List<UserSummary> agents = new ArrayList<>();
        Map<UUID, TestApi> clients = new HashMap<>();
        for (int i = 0; i < AGENTS; i++) {
            UserSummary agent = accounts.agent(team);
            agents.add(agent);
            // API tokens: cheap to check, so the requests reach the claim together (a password hash takes longer)
            String secret = apiTokens.issue(agent.id(), "race", "tests").secret();
            clients.put(agent.id(), api.withHeader("Authorization", "Bearer " + secret));
        }
        var supervisor = Agent.of(api, accounts.supervisor());

        for (int round = 0; round < 5; round++) {
            var customer = WidgetCustomer.start(api, "Race " + round);
            List<TestApi.Response> answers = all(agents.stream().map(agent -> (Callable<TestApi.Response>) () ->
                    clients.get(agent.id()).post("/api/conversations/" + customer.id() + "/assign", null)).toList());

            List<TestApi.Response> won = answers.stream().filter(r -> r.status() == 200).toList();
            List<TestApi.Response> lost = answers.stream().filter(r -> r.status() != 200).toList();
            assertThat(won).as("round %d: %s", round, answers).hasSize(1);
            String winnerId = won.get(0).text("assigneeId");
            String winnerName = agents.stream().filter(a -> a.id().toString().equals(winnerId)).findFirst()
                .orElseThrow().displayName();
            assertThat(lost).hasSize(AGENTS - 1).allSatisfy(r -> {
                r.expectProblem(409);
                assertThat(r.detail()).contains(winnerName);
            });

            JsonNode conversation = supervisor.conversation(customer.id());
            assertThat(text(conversation, "status")).isEqualTo("ASSIGNED");
            assertThat(text(conversation, "assigneeId")).isEqualTo(winnerId);
            long joined = 0;
            for (JsonNode m : conversation.get("messages")) {
                if ("SYSTEM".equals(text(m, "author"))) {
                    joined++;
                }
            }
            assertThat(joined).as("one 'joined' notice").isEqualTo(1);
        }
    }

    @Test
    void whenEightAgentsReplyToAWaitingConversationAtOnceOneTalksToTheCustomer() throws Exception {
        var team = accounts.team("reply-race");
        List<TestApi> clients = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String secret = apiTokens.issue(accounts.agent(team).id(), "race", "tests").secret();
            clients.add(api.withHeader("Authorization", "Bearer " + secret));
        }
        var customer = WidgetCustomer.start(api, "Anyone?");

        List<TestApi.Response> answers = all(clients.stream().map(client -> (Callable<TestApi.Response>) () ->
                client.post("/api/conversations/" + customer.id() + "/messages", map("text", "I'm here!"))).toList());

        assertThat(answers.stream().filter(r -> r.status() == 201)).as("%s", answers).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() != 201)).allSatisfy(r -> r.expectProblem(409));
        long replies = 0;
        for (JsonNode m : customer.view().get("messages")) {
            if ("AGENT".equals(text(m, "author"))) {
                replies++;
            }
        }
        assertThat(replies).isEqualTo(1);
    }

    @Test
    void retriesOfOneCustomerMessageArrivingTogetherStoreItOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            var customer = WidgetCustomer.start(api, "Hello");
            String clientMessageId = "retry-" + round;

            List<TestApi.Response> answers = all(java.util.stream.IntStream.range(0, AGENTS)
                .mapToObj(i -> (Callable<TestApi.Response>) () -> customer.post("Is this sent?", clientMessageId))
                .toList());

            assertThat(answers).as("%s", answers).allSatisfy(r -> assertThat(r.status()).isBetween(200, 201));
            assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(1);
            assertThat(answers.stream().map(r -> text(r.json().get("messages").get(0), "id")).distinct()).hasSize(1);
            assertThat(customer.view().get("messages").size()).isEqualTo(2);
        }
    }

    @Test
    void resolvingTwiceAtOnceIsHarmless() throws Exception {
        var agent = Agent.of(api, accounts.agent());
        for (int round = 0; round < 3; round++) {
            var customer = WidgetCustomer.start(api, "Double click");
            agent.assign(customer.id()).expect(200);

            List<TestApi.Response> answers = all(List.of(() -> agent.resolve(customer.id()),
                    () -> agent.resolve(customer.id()), () -> agent.resolve(customer.id())));

            assertThat(answers).as("%s", answers).allSatisfy(r -> r.expect(200));
            assertThat(answers).allSatisfy(r -> assertThat(r.text("status")).isEqualTo("RESOLVED"));
            long notices = 0;
            for (JsonNode m : customer.view().get("messages")) {
                if (text(m, "text").contains("marked as resolved")) {
                    notices++;
                }
            }
            assertThat(notices).isEqualTo(1);
        }
    }

    @Test
    void severalMessagesReopeningAResolvedConversationAtOnceAreAllAccepted() throws Exception {
        var agent = Agent.of(api, accounts.agent());
        for (int round = 0; round < 3; round++) {
            var customer = WidgetCustomer.start(api, "Hello");
            agent.reply(customer.id(), "Hi").expect(201);
            agent.resolve(customer.id()).expect(200);

            List<TestApi.Response> answers = all(java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> (Callable<TestApi.Response>) () -> customer.post("Wait, message " + i, "m-" + i))
                .toList());

            assertThat(answers).as("%s", answers).allSatisfy(r -> r.expect(201));
            JsonNode view = customer.view();
            assertThat(text(view, "status")).isEqualTo("QUEUED");
            assertThat(view.toString()).contains("Wait, message 0", "Wait, message 1", "Wait, message 2",
                    "Wait, message 3");
        }
    }

    @Test
    void askingForAPersonWhileWritingAfterResolutionWorksBothWays() throws Exception {
        var agent = Agent.of(api, accounts.agent());
        for (int round = 0; round < 3; round++) {
            var customer = WidgetCustomer.start(api, "Hello");
            agent.reply(customer.id(), "Hi").expect(201);
            agent.resolve(customer.id()).expect(200);

            List<TestApi.Response> answers = all(List.of(() -> customer.post("Still broken", null),
                    () -> customer.handoff()));

            assertThat(answers.get(0).status()).as("%s", answers).isEqualTo(201);
            assertThat(answers.get(1).status()).as("%s", answers).isEqualTo(200);
            assertThat(text(customer.view(), "status")).isEqualTo("QUEUED");
        }
    }

    /** Runs the calls together: each waits at a latch until all are ready. */
    private <T> List<T> all(List<Callable<T>> calls) throws Exception {
        var ready = new CountDownLatch(calls.size());
        var go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
