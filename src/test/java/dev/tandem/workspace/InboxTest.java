package dev.tandem.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemTest;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

@TandemTest
class InboxTest {

    @LocalServerPort
    int port;

    @Autowired
    Teams teams;

    @Autowired
    UserAccounts accounts;

    @Autowired
    StartConversation start;

    WorkspaceFixtures fixtures;
    UserSummary agentOfA;
    String customerOfA;
    String customerOfB;
    UUID conversationOfA;
    UUID conversationOfB;

    @BeforeEach
    void twoTeamsWithAConversationEach() {
        fixtures = new WorkspaceFixtures(teams, accounts, start);
        Team a = fixtures.team();
        Team b = fixtures.team();
        agentOfA = fixtures.agent("Ann Agent", a);
        customerOfA = WorkspaceFixtures.unique("Ada Customer");
        customerOfB = WorkspaceFixtures.unique("Ben Customer");
        conversationOfA = fixtures.conversation(customerOfA, a, "My parcel is late.");
        conversationOfB = fixtures.conversation(customerOfB, b, "I was charged twice.");
    }

    @Test
    void anAgentSeesOnlyTheirTeamsConversations() {
        var agent = SignedInClient.signIn(port, agentOfA.username(), WorkspaceFixtures.PASSWORD);

        var queued = agent.get("/inbox?view=queued");
        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(queued.body()).contains(customerOfA, "My parcel is late.").doesNotContain(customerOfB);
        assertThat(agent.get("/inbox?view=open").body()).contains(customerOfA).doesNotContain(customerOfB);
        assertThat(agent.htmxGet("/inbox/list?view=queued").body()).contains(customerOfA).doesNotContain(customerOfB);

        var elsewhere = agent.get("/conversations/" + conversationOfB);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).contains("Not found").doesNotContain(customerOfB);
    }

    @Test
    void aSupervisorSeesEveryTeam() {
        UserSummary supervisor = fixtures.supervisor("Sue Supervisor");
        var client = SignedInClient.signIn(port, supervisor.username(), WorkspaceFixtures.PASSWORD);

        // (the queue page holds the 100 longest waiting: in a context other tests share, these may not be among them)
        var ofA = client.get("/conversations/" + conversationOfA);
        assertThat(ofA.statusCode()).isEqualTo(200);
        assertThat(ofA.body()).contains(customerOfA, "My parcel is late.");
        var conversation = client.get("/conversations/" + conversationOfB);
        assertThat(conversation.statusCode()).isEqualTo(200);
        assertThat(conversation.body()).contains(customerOfB, "I was charged twice.");
    }

    @Test
    void theListUpdateCarriesTheTabCountsOutOfBand() {
        var agent = SignedInClient.signIn(port, agentOfA.username(), WorkspaceFixtures.PASSWORD);

        var update = agent.htmxGet("/inbox/list?view=mine");
        assertThat(update.body()).contains("id=\"view-tabs\"", "hx-swap-oob=\"true\"", "Nothing assigned to you");
        assertThat(agent.get("/inbox/badge").body()).matches("[1-9][0-9]*\\+?");
    }
}
