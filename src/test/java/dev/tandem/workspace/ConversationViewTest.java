package dev.tandem.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemTest;
import dev.tandem.conversation.AuthorType;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.CurrentUser;
import dev.tandem.identity.CurrentUsers;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

@TandemTest
class ConversationViewTest {

    @LocalServerPort
    int port;

    @Autowired
    Teams teams;

    @Autowired
    UserAccounts accounts;

    @Autowired
    StartConversation start;

    @Autowired
    ConversationQueries queries;

    @Autowired
    CurrentUsers currentUsers;

    WorkspaceFixtures fixtures;
    Team team;
    UserSummary alice;
    UUID conversation;
    String customer;

    @BeforeEach
    void aQueuedConversation() {
        fixtures = new WorkspaceFixtures(teams, accounts, start);
        team = fixtures.team();
        alice = fixtures.agent("Alice Agent", team);
        customer = WorkspaceFixtures.unique("Carla Customer");
        conversation = fixtures.conversation(customer, team, "Where is my order NW-1?");
    }

    @Test
    void showsTimelineComposerAndCustomerPanel() {
        var page = SignedInClient.signIn(port, alice.username(), WorkspaceFixtures.PASSWORD)
            .get("/conversations/" + conversation);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(customer, "Where is my order NW-1?", "Assign to me", "Transfer", "Resolve",
                "Internal note", "New conversation", "/workspace/events?conversation=" + conversation);
    }

    @Test
    void assignsRepliesNotesAndResolvesThroughTheWorkspace() {
        var client = SignedInClient.signIn(port, alice.username(), WorkspaceFixtures.PASSWORD);

        var assigned = client.htmxPost("/conversations/" + conversation + "/assign", Map.of());
        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(assigned.headers().firstValue("HX-Trigger").orElse("")).contains("refresh-header");
        assertThat(summary().status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(summary().assigneeId()).isEqualTo(alice.id());

        var reply = client.htmxPost("/conversations/" + conversation + "/messages",
                Map.of("text", "It ships tomorrow.", "internal", "false"));
        assertThat(reply.statusCode()).isEqualTo(204);
        assertThat(reply.headers().firstValue("HX-Trigger").orElse("")).contains("reply-sent");
        client.htmxPost("/conversations/" + conversation + "/messages",
                Map.of("text", "Checked with the warehouse.", "internal", "true"));
        var messages = queries.details(me(), conversation).messages();
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("It ships tomorrow.");
            assertThat(m.author()).isEqualTo(AuthorType.AGENT);
            assertThat(m.internal()).isFalse();
        });
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Checked with the warehouse.");
            assertThat(m.internal()).isTrue();
        });

        var newest = client.htmxGet("/conversations/" + conversation + "/messages?after=" + messages.get(0).id());
        assertThat(newest.body()).contains("It ships tomorrow.", "Internal note").doesNotContain("Where is my order");

        var resolved = client.htmxPost("/conversations/" + conversation + "/resolve", Map.of());
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(summary().status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(client.htmxGet("/conversations/" + conversation + "/header").body()).contains("Reopen", "Resolved");
    }

    @Test
    void showsTheRefusalOfAUseCaseAsAToast() {
        UserSummary bruno = fixtures.agent("Bruno Busy", team);
        SignedInClient.signIn(port, bruno.username(), WorkspaceFixtures.PASSWORD)
            .htmxPost("/conversations/" + conversation + "/assign", Map.of());

        var refused = SignedInClient.signIn(port, alice.username(), WorkspaceFixtures.PASSWORD)
            .htmxPost("/conversations/" + conversation + "/assign", Map.of());

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.headers().firstValue("HX-Retarget")).contains("#toasts");
        assertThat(refused.body()).contains("toast-error", "Already assigned to Bruno Busy.");
        assertThat(summary().assigneeId()).isEqualTo(bruno.id());
    }

    @Test
    void transfersToAnotherTeamsQueue() {
        Team billing = fixtures.team();
        var client = SignedInClient.signIn(port, alice.username(), WorkspaceFixtures.PASSWORD);

        var moved = client.htmxPost("/conversations/" + conversation + "/transfer",
                Map.of("toTeamId", billing.id().toString(), "toAgentId", "", "note", "Billing question."));

        assertThat(moved.body()).contains("Transferred to the " + billing.name() + " queue.");
        assertThat(moved.headers().firstValue("HX-Trigger").orElse("")).contains("transfer-done");
        var supervisor = currentUsers.byUsername("admin").orElseThrow();
        assertThat(queries.details(supervisor, conversation).conversation().teamId()).isEqualTo(billing.id());
        assertThat(client.get("/conversations/" + conversation).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesPostsWithoutCsrfToken() {
        var client = SignedInClient.signIn(port, alice.username(), WorkspaceFixtures.PASSWORD);

        assertThat(client.postWithoutCsrf("/conversations/" + conversation + "/assign", Map.of()).statusCode())
            .isEqualTo(403);
        assertThat(summary().status()).isEqualTo(ConversationStatus.QUEUED);
    }

    private dev.tandem.conversation.ConversationSummary summary() {
        return queries.summary(conversation).orElseThrow();
    }

    private CurrentUser me() {
        return currentUsers.byUsername(alice.username()).orElseThrow();
    }
}
