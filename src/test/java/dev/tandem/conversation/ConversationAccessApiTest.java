package dev.tandem.conversation;

import static dev.tandem.TestApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
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
import dev.tandem.identity.ApiTokens;
import dev.tandem.identity.Role;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;

/** Who may call the agent API, and what it answers to bad input. */
@TandemTest
class ConversationAccessApiTest {

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

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
    }

    @Test
    void withoutCredentials() {
        var response = api.get("/api/conversations?status=QUEUED").expectProblem(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.json().has("properties")).isFalse();
        assertThat(response.json().has("type") && response.json().get("type").isNull()).isFalse();
        api.post("/api/conversations/" + UUID.randomUUID() + "/assign", null).expectProblem(401);
        api.get("/api/customers/" + UUID.randomUUID()).expectProblem(401);
    }

    @Test
    void withAWrongPasswordOrUnknownUser() {
        var agent = accounts.agent();
        api.as(agent.username(), "not-the-password").get("/api/conversations").expectProblem(401);
        api.as(TestAccounts.unique("nobody"), "whatever-password").get("/api/conversations").expectProblem(401);
        api.as(agent.username(), TestAccounts.PASSWORD).get("/api/conversations").expect(200);
        api.withHeader("Authorization", "Basic !!not-base64!!").get("/api/conversations").expectProblem(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheUserNameForAWhile() {
        var agent = accounts.agent();
        for (int i = 0; i < 5; i++) {
            api.as(agent.username(), "wrong-password-" + i).get("/api/conversations").expectProblem(401);
        }
        var locked = api.as(agent.username(), TestAccounts.PASSWORD).get("/api/conversations").expectProblem(401);
        assertThat(locked.detail()).contains("Too many failed sign-ins");

        var colleague = accounts.agent();
        api.as(colleague.username(), TestAccounts.PASSWORD).get("/api/conversations").expect(200);
    }

    @Test
    void aDisabledUserIsRefused() {
        var agent = accounts.agent();
        userAccounts.change(agent.id(), new UserAccounts.UserChanges(agent.displayName(), agent.email(),
                agent.roles(), agent.teamIds(), agent.languages(), agent.skills(), agent.maxConcurrent(), false),
                "tests");
        api.as(agent.username(), TestAccounts.PASSWORD).get("/api/conversations").expectProblem(401);
    }

    @Test
    void withAnApiToken() {
        var agent = accounts.agent();
        var token = apiTokens.issue(agent.id(), "integration", "tests");
        var customer = WidgetCustomer.start(api, "Hello");

        var bearer = api.withHeader("Authorization", "Bearer " + token.secret());
        bearer.get("/api/conversations?status=QUEUED").expect(200);
        bearer.post("/api/conversations/" + customer.id() + "/assign", null).expect(200);

        api.withHeader("Authorization", "Bearer tdm_unknown").get("/api/conversations").expectProblem(401);
        apiTokens.revoke(token.id(), "tests");
        bearer.get("/api/conversations").expectProblem(401);
    }

    @Test
    void aCuratorMayNotHandleConversations() {
        var curator = accounts.curator();
        var customer = WidgetCustomer.start(api, "Hello");
        var asCurator = api.as(curator.username(), TestAccounts.PASSWORD);

        asCurator.get("/api/conversations?status=QUEUED").expectProblem(403);
        asCurator.get("/api/conversations/" + customer.id()).expectProblem(403);
        asCurator.post("/api/conversations/" + customer.id() + "/assign", null).expectProblem(403);
        asCurator.post("/api/conversations/" + customer.id() + "/messages", map("text", "hi")).expectProblem(403);
        asCurator.get("/api/customers/" + UUID.randomUUID()).expectProblem(403);
    }

    @Test
    void anAdminIsNotAnAgentButMaySeeEverything() {
        var admin = accounts.user("admin", Set.of(Role.ADMIN));
        var customer = WidgetCustomer.start(api, "Hello");
        api.as(admin.username(), TestAccounts.PASSWORD).get("/api/conversations/" + customer.id()).expect(200);
    }

    @Test
    void unknownAndMalformedIds() {
        var agent = Agent.of(api, accounts.agent());
        UUID unknown = UUID.randomUUID();

        var notFound = agent.get(unknown).expectProblem(404);
        assertThat(notFound.detail()).contains(unknown.toString());
        agent.assign(unknown).expectProblem(404);
        agent.reply(unknown, "hello").expectProblem(404);
        agent.note(unknown, "hello").expectProblem(404);
        agent.resolve(unknown).expectProblem(404);
        agent.reopen(unknown).expectProblem(404);
        agent.transfer(unknown, map("toTeamId", UUID.randomUUID())).expectProblem(404);
        agent.transfer(unknown, map("toAgentId", agent.id())).expectProblem(404);
        agent.api().get("/api/conversations/not-a-uuid").expectProblem(400);
        agent.api().post("/api/conversations/123/assign", null).expectProblem(400);
        agent.api().get("/api/customers/xyz").expectProblem(400);
    }

    @Test
    void invalidQueryParameters() {
        var agent = Agent.of(api, accounts.agent());
        var status = agent.list("status=SLEEPING").expectProblem(400);
        assertThat(status.detail()).contains("'status'").contains("SLEEPING").contains("QUEUED");
        var repeated = agent.list("status=QUEUED&status=nonsense").expectProblem(400);
        assertThat(repeated.detail()).contains("nonsense").doesNotContain("[L");
        var id = agent.api().get("/api/conversations/not-a-uuid").expectProblem(400);
        assertThat(id.detail()).contains("UUID");
        agent.list("status=QUEUED&status=").expect(200);
        agent.list("status=").expect(200);
        agent.list("limit=0").expectProblem(400);
        agent.list("limit=201").expectProblem(400);
        agent.list("limit=abc").expectProblem(400);
        agent.list("offset=-1").expectProblem(400);
        agent.list("assignee=someone").expectProblem(400);
        agent.list("team=not-a-uuid").expectProblem(400);
    }

    @Test
    void badMessageBodies() {
        var agent = Agent.of(api, accounts.agent());
        var customer = WidgetCustomer.start(api, "Hello");
        String messages = "/api/conversations/" + customer.id() + "/messages";

        agent.api().postRaw(messages, "application/json", "{\"text\": ").expectProblem(400);
        agent.api().post(messages, map("internal", true)).expectProblem(400);
        agent.api().post(messages, map("text", "   ")).expectProblem(400);
        agent.api().post(messages, map("text", "x".repeat(4001))).expectProblem(413);
        agent.api().post(messages, map("text", "x".repeat(4000))).expect(201);
        agent.api().post(messages, map("text", "hi", "internal", "maybe")).expectProblem(400);
        agent.api().postRaw(messages, "text/plain", "hi").expectProblem(415);
        agent.api().postRaw(messages, "application/json", "{\"text\": \"nul \\u0000 inside\"}").expectProblem(400);
        agent.api().postRaw(messages, "application/json", "{\"text\": \"half \\ud83d emoji\"}").expectProblem(400);
        agent.api().postRaw("/api/conversations/" + customer.id() + "/transfer", "application/json",
                "{\"toAgentId\": \"" + agent.id() + "\", \"note\": \"a\\u0000b\"}").expectProblem(400);
        agent.api().postRaw("/api/conversations/" + customer.id() + "/transfer", "application/json", "[")
            .expectProblem(400);
        agent.api().post("/api/conversations/" + customer.id() + "/transfer", map("toAgentId", "bob"))
            .expectProblem(400);
    }

    @Test
    void unknownPathsAreProblemsToo() {
        var agent = Agent.of(api, accounts.agent());
        agent.api().get("/api/nothing-here").expectProblem(404);
        agent.api().get("/api/conversations/" + UUID.randomUUID() + "/assign").expectProblem(405);
    }
}
