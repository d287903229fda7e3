package dev.tandem.conversation;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/** An agent's client that retries a reply after a timeout must not send the customer the reply twice. */
@TandemTest
class AgentReplyRetryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    TestApi api;
    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
    }

    @Test
    void aRetriedReplyIsStoredOnce() {
        var customer = WidgetCustomer.start(api, "Can I change my delivery address?");
        var agent = Agent.of(api, accounts.agent());
        String path = "/api/conversations/" + customer.id() + "/messages";
        var reply = Map.of("text", "Yes, I've updated it for you.", "clientMessageId", UUID.randomUUID().toString());

        var first = agent.api().post(path, reply).expect(201);
        var retry = agent.api().post(path, reply).expect(200);

        assertThat(retry.id("id")).isEqualTo(first.id("id"));
        assertThat(customer.view().get("messages").valueStream()
            .filter(m -> m.get("text").asString().equals("Yes, I've updated it for you."))).hasSize(1);
    }

    @Test
    void anotherAgentCannotReuseSomeoneElsesClientId() {
        var customer = WidgetCustomer.start(api, "Hello?");
        var agent = Agent.of(api, accounts.agent());
        var supervisor = Agent.of(api, accounts.supervisor());
        String path = "/api/conversations/" + customer.id() + "/messages";
        String clientMessageId = UUID.randomUUID().toString();
        agent.api().post(path, Map.of("text", "Hi!", "clientMessageId", clientMessageId)).expect(201);

        supervisor.api().post(path, Map.of("text", "Hello from me", "clientMessageId", clientMessageId))
            .expectProblem(409);
    }
}
