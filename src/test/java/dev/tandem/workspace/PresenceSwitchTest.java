package dev.tandem.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;
import dev.tandem.audit.AuditLog;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import dev.tandem.routing.AgentPresence;
import dev.tandem.routing.PresenceStatus;

/**
 * The workspace's part in the presence timeout: open pages count as seen on each heartbeat, the
 * switch says when the timeout took the agent offline and offers their status back, and signing out
 * goes offline at once.
 */
@TandemTest
class PresenceSwitchTest {

    @LocalServerPort
    int port;

    @Autowired
    Teams teams;

    @Autowired
    UserAccounts accounts;

    @Autowired
    StartConversation start;

    @Autowired
    WorkspaceStreams streams;

    @Autowired
    AgentPresence presence;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    WorkspaceFixtures fixtures;
    Team team;

    @BeforeEach
    void setUp() {
        fixtures = new WorkspaceFixtures(teams, accounts, start);
        team = fixtures.team();
    }

    /** A minute ago: within the timeout, so the application's own watch leaves the agent alone meanwhile. */
    private Instant lastSeenAMinuteAgo(UserSummary agent) {
        Instant minuteAgo = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        jdbc.sql("update agent_presence set last_seen_at = ? where user_id = ?")
            .params(Timestamp.from(minuteAgo), agent.id()).update();
        return minuteAgo;
    }

    @Test
    void theHeartbeatCountsAgentsWithAPageOpenAsSeen() throws Exception {
        UserSummary watching = fixtures.agent("Hana Heartbeat", team);
        UserSummary elsewhere = fixtures.agent("Ivo Idle", team);
        presence.set(watching.id(), PresenceStatus.ONLINE);
        presence.set(elsewhere.id(), PresenceStatus.ONLINE);
        Instant minuteAgo = lastSeenAMinuteAgo(watching);
        Instant elsewhereSeen = lastSeenAMinuteAgo(elsewhere);

        var client = SignedInClient.signIn(port, watching.username(), WorkspaceFixtures.PASSWORD);
        int before = streams.openStreams();
        var stream = client.stream("/workspace/events");
        for (int i = 0; i < 100 && streams.openStreams() <= before; i++) {
            Thread.sleep(50);
        }
        streams.heartbeat();

        assertThat(presence.of(watching.id()).lastSeenAt()).isAfter(minuteAgo.plusSeconds(30));
        assertThat(presence.of(elsewhere.id()).lastSeenAt()).isEqualTo(elsewhereSeen);
        stream.body().close();
    }

    @Test
    void aTimedOutAgentIsToldSoInTheSwitchAndOfferedTheirStatusBack() {
        UserSummary agent = fixtures.agent("Tom Timeout", team);
        presence.set(agent.id(), PresenceStatus.ONLINE);
        // what the presence watch does (tested in routing) after two minutes without a page open
        jdbc.sql("""
                update agent_presence set status_before_timeout = status, status = 'OFFLINE', changed_by = 'TIMEOUT'
                where user_id = ?""").param(agent.id()).update();
        var client = SignedInClient.signIn(port, agent.username(), WorkspaceFixtures.PASSWORD);

        String inbox = client.get("/inbox").body();
        assertThat(inbox).contains("presence-offline").contains("Set offline automatically at")
            .contains("no workspace page was open for 2 minutes").contains("Back online");
        assertThat(presence.of(agent.id()).status()).as("opening the workspace does not restore it unasked")
            .isEqualTo(PresenceStatus.OFFLINE);
        assertThat(client.htmxGet("/presence").body()).contains("Back online");

        String back = client.htmxPost("/presence", Map.of("status", "ONLINE")).body();
        assertThat(back).contains("presence-online").doesNotContain("Set offline automatically");
        assertThat(presence.of(agent.id()).changedBy()).isEqualTo(AgentPresence.ChangedBy.AGENT);
    }

    @Test
    void anAgentWhoChoseOfflineIsOfferedNothing() {
        UserSummary agent = fixtures.agent("Olga Offline", team);
        var client = SignedInClient.signIn(port, agent.username(), WorkspaceFixtures.PASSWORD);

        String offline = client.htmxPost("/presence", Map.of("status", "OFFLINE")).body();

        assertThat(offline).contains("presence-offline").doesNotContain("Set offline automatically");
    }

    @Test
    void signingOutGoesOfflineAtOnce() {
        UserSummary agent = fixtures.agent("Sam Signout", team);
        var client = SignedInClient.signIn(port, agent.username(), WorkspaceFixtures.PASSWORD);
        client.htmxPost("/presence", Map.of("status", "ONLINE"));
        assertThat(presence.of(agent.id()).status()).isEqualTo(PresenceStatus.ONLINE);

        var signedOut = client.htmxPost("/logout", Map.of());

        assertThat(signedOut.headers().firstValue("Location").orElse("")).contains("/login?logout");
        ApiCaller.eventually("offline after signing out",
                () -> presence.of(agent.id()).status() == PresenceStatus.OFFLINE);
        assertThat(presence.of(agent.id()).changedBy()).isEqualTo(AgentPresence.ChangedBy.SIGN_OUT);
        assertThat(presence.of(agent.id()).timedOut()).isFalse();
        ApiCaller.eventually("a sign-out in the audit log", () -> !audit
            .find(new AuditLog.Query(agent.username(), "SIGN_OUT", 10, 0)).isEmpty());
    }
}
