package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.Agent;
import dev.tandem.ApiCaller;
import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.audit.AuditLog;
import dev.tandem.conversation.AssignConversation;
import dev.tandem.conversation.ConversationQueries;
import dev.tandem.conversation.ConversationStatus;
import dev.tandem.conversation.StartConversation;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserDirectory;
import dev.tandem.identity.UserSummary;
import dev.tandem.routing.AgentPresence.ChangedBy;
import dev.tandem.routing.AgentPresence.PresenceChanged;

/**
 * The presence timeout on the database of the run (H2, and PostgreSQL in the second run): the watch,
 * presence and automatic assignment are built on a fixed {@link Clock} per moment, the way the
 * first-response watch is run "as of" a later instant, so nothing here waits for real time to pass.
 * The moments are minutes from now, not years: the application's own watch runs on the real clock in
 * this shared context, and must find nothing to do with these agents.
 */
@TandemTest
@RecordApplicationEvents
class PresenceTimeoutPersistenceTest {

    private static final Duration OFFLINE_AFTER = Duration.ofMinutes(2);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    UserDirectory directory;

    @Autowired
    ConversationQueries conversations;

    @Autowired
    AssignConversation assign;

    @Autowired
    StartConversation start;

    @Autowired
    AuditLog audit;

    @Autowired
    AgentPresence presence;

    @Autowired
    ApplicationEvents events;

    TestAccounts accounts;
    Team team;
    Instant t0;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(userAccounts, teams);
        team = accounts.team("presence");
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /**
     * Transactional like the application's bean: its events are announced after commit. Outside a
     * transaction the registry would keep their publications open forever, and the audit listener
     * would never hear them.
     */
    private AgentPresence presenceAt(Instant instant) {
        var proxy = new ProxyFactory(new AgentPresence(jdbc, publisher, at(instant)));
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource(false)));
        return (AgentPresence) proxy.getProxy();
    }

    private PresenceWatch watchAt(Instant instant) {
        return new PresenceWatch(presenceAt(instant), properties(false), transactions, at(instant));
    }

    private AutoAssignment autoAssignmentAt(Instant instant) {
        return new AutoAssignment(properties(true), directory, presenceAt(instant), conversations, assign,
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(AssignmentAdvice.class),
                at(instant));
    }

    private static RoutingProperties properties(boolean autoAssign) {
        return new RoutingProperties(autoAssign, null, null, null, null,
                new RoutingProperties.PresenceSettings(OFFLINE_AFTER));
    }

    private List<PresenceChanged> changesOf(UUID agent) {
        return events.stream(PresenceChanged.class).filter(e -> e.userId().equals(agent)).toList();
    }

    @Test
    void theDefaultTimeoutIsTwoMinutes() {
        assertThat(new RoutingProperties(null, null, null, null, null, null).presence().offlineAfter())
            .isEqualTo(OFFLINE_AFTER);
    }

    @Test
    void anAgentSeenRecentlyStaysOnline() {
        UUID agent = accounts.agent(team).id();
        presenceAt(t0).set(agent, PresenceStatus.ONLINE);
        presenceAt(t0.plusSeconds(60)).seen(List.of(agent));

        watchAt(t0.plusSeconds(170)).timeOutUnseen();

        assertThat(presence.of(agent).status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(presence.of(agent).lastSeenAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(changesOf(agent)).extracting(PresenceChanged::changedBy).containsExactly(ChangedBy.AGENT);
    }

    @Test
    void anAgentNotSeenForLongerThanTheTimeoutGoesOfflineWithTheEventAndAnAuditEntry() {
        UserSummary user = accounts.agent(team);
        UUID agent = user.id();
        presenceAt(t0).set(agent, PresenceStatus.ONLINE);

        watchAt(t0.plus(OFFLINE_AFTER)).timeOutUnseen();
        assertThat(presence.of(agent).status()).as("exactly the timeout is not longer").isEqualTo(PresenceStatus.ONLINE);

        watchAt(t0.plus(OFFLINE_AFTER).plusSeconds(1)).timeOutUnseen();

        AgentPresence.Presence now = presence.of(agent);
        assertThat(now.status()).isEqualTo(PresenceStatus.OFFLINE);
        assertThat(now.changedBy()).isEqualTo(ChangedBy.TIMEOUT);
        assertThat(now.statusBeforeTimeout()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(now.timedOut()).isTrue();
        assertThat(now.since()).isEqualTo(t0.plus(OFFLINE_AFTER).plusSeconds(1));
        assertThat(changesOf(agent)).last().satisfies(change -> {
            assertThat(change.status()).isEqualTo(PresenceStatus.OFFLINE);
            assertThat(change.previous()).isEqualTo(PresenceStatus.ONLINE);
            assertThat(change.changedBy()).isEqualTo(ChangedBy.TIMEOUT);
            assertThat(change.lastSeenAt()).isEqualTo(t0);
        });
        ApiCaller.eventually("an audit entry for the timeout", () -> audit
            .find(new AuditLog.Query("routing", "PRESENCE_TIMED_OUT", 500, 0)).stream()
            .anyMatch(entry -> entry.targetId().equals(user.username()) && entry.detail().startsWith("ONLINE → OFFLINE")));

        // once only: the next round finds nobody to take offline, and announces nothing
        watchAt(t0.plus(OFFLINE_AFTER).plusSeconds(30)).timeOutUnseen();
        assertThat(changesOf(agent)).filteredOn(c -> c.changedBy() == ChangedBy.TIMEOUT).hasSize(1);
    }

    @Test
    void anAgentSetAwayByHandAndNotSeenGoesOfflineAndIsOfferedAwayBack() {
        UUID agent = accounts.agent(team).id();
        presenceAt(t0).set(agent, PresenceStatus.ONLINE);
        presenceAt(t0.plusSeconds(10)).set(agent, PresenceStatus.AWAY);

        watchAt(t0.plusSeconds(10).plus(OFFLINE_AFTER).plusSeconds(1)).timeOutUnseen();

        assertThat(presence.of(agent).status()).isEqualTo(PresenceStatus.OFFLINE);
        assertThat(presence.of(agent).statusBeforeTimeout()).isEqualTo(PresenceStatus.AWAY);
        assertThat(changesOf(agent)).last().satisfies(change -> {
            assertThat(change.previous()).isEqualTo(PresenceStatus.AWAY);
            assertThat(change.changedBy()).isEqualTo(ChangedBy.TIMEOUT);
        });

        // back: the agent's own choice again, the offer is gone
        var back = presenceAt(t0.plusSeconds(300)).set(agent, PresenceStatus.AWAY);
        assertThat(back.timedOut()).isFalse();
        assertThat(presence.of(agent).changedBy()).isEqualTo(ChangedBy.AGENT);
        assertThat(presence.of(agent).statusBeforeTimeout()).isNull();
        assertThat(presence.of(agent).lastSeenAt()).isEqualTo(t0.plusSeconds(300));
    }

    @Test
    void anAgentWhoChoseOfflineIsLeftAlone() {
        UUID agent = accounts.agent(team).id();
        presenceAt(t0).set(agent, PresenceStatus.OFFLINE);

        watchAt(t0.plus(Duration.ofMinutes(30))).timeOutUnseen();

        assertThat(presence.of(agent).changedBy()).isEqualTo(ChangedBy.AGENT);
        assertThat(presence.of(agent).timedOut()).isFalse();
        assertThat(changesOf(agent)).noneMatch(c -> c.changedBy() == ChangedBy.TIMEOUT);
    }

    @Test
    void anAgentSeenAfterTheWatchLookedIsNotTakenOffline() {
        UUID agent = accounts.agent(team).id();
        presenceAt(t0).set(agent, PresenceStatus.ONLINE);
        Instant cutoff = t0.plusSeconds(1);
        assertThat(presence.unseenSince(cutoff)).contains(agent);

        presenceAt(t0.plusSeconds(125)).seen(List.of(agent)); // the page's heartbeat, just in time

        assertThat(presenceAt(t0.plusSeconds(125)).timeOut(agent, cutoff)).isEmpty();
        assertThat(presence.of(agent).status()).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void automaticAssignmentNeverPicksATimedOutAgent() {
        UserSummary gone = accounts.agent(team);
        presenceAt(t0).set(gone.id(), PresenceStatus.ONLINE);
        UUID conversation = start.start(new StartConversation.Command(
                new StartConversation.CustomerDetails("Pat Presence", null, null), "Is anyone there?", null, "widget",
                team.id(), ConversationStatus.QUEUED)).conversation().id();
        var needs = new LeastLoaded.Requirements(team.id(), null, null);
        Instant later = t0.plus(OFFLINE_AFTER).plusSeconds(5);

        // past the timeout but before the watch's round: still ONLINE in the table, and passed over
        assertThat(presence.of(gone.id()).status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(autoAssignmentAt(later).teamsWithRoom()).doesNotContain(team.id());
        assertThat(autoAssignmentAt(later).assign(conversation, needs)).isEmpty();

        watchAt(later).timeOutUnseen();
        assertThat(autoAssignmentAt(later).assign(conversation, needs)).isEmpty();
        assertThat(conversations.summary(conversation).orElseThrow().status()).isEqualTo(ConversationStatus.QUEUED);

        UserSummary here = accounts.agent(team);
        presenceAt(later).set(here.id(), PresenceStatus.ONLINE);
        assertThat(autoAssignmentAt(later.plusSeconds(1)).assign(conversation, needs)).map(UserSummary::id)
            .contains(here.id());
        assertThat(conversations.summary(conversation).orElseThrow().assigneeId()).isEqualTo(here.id());
    }

    @Test
    void seenUpdatesEveryoneInOneBatchAndNeverMovesBack() {
        UUID first = accounts.agent(team).id();
        UUID second = accounts.agent(team).id();
        UUID neverSetAPresence = accounts.agent(team).id();
        presenceAt(t0).set(first, PresenceStatus.ONLINE);
        presenceAt(t0).set(second, PresenceStatus.AWAY);

        presenceAt(t0.plusSeconds(50)).seen(Set.of(first, second, neverSetAPresence));
        presenceAt(t0.plusSeconds(20)).seen(List.of(first)); // a node whose clock lags

        assertThat(presence.of(first).lastSeenAt()).isEqualTo(t0.plusSeconds(50));
        assertThat(presence.of(second).lastSeenAt()).isEqualTo(t0.plusSeconds(50));
        assertThat(presence.of(neverSetAPresence).since()).isNull();
        assertThat(presence.of(first).since()).as("being seen does not change the status").isEqualTo(t0);
    }

    @Test
    void anAgentApiCallCountsAsSeen() {
        UserSummary user = accounts.agent(team);
        presence.set(user.id(), PresenceStatus.ONLINE);
        // a minute ago: within the timeout, so that the application's own watch leaves the agent alone
        jdbc.sql("update agent_presence set last_seen_at = ? where user_id = ?")
            .params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))), user.id()).update();
        Instant before = Instant.now().minusSeconds(1);

        Agent.of(new TestApi(port), user).api().get("/api/conversations?status=QUEUED").expect(200);

        assertThat(presence.of(user.id()).lastSeenAt()).isAfter(before);
        assertThat(presence.of(user.id()).status()).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void theApiTellsAnAgentTheyWereSetOfflineAutomatically() {
        UserSummary user = accounts.agent(team);
        presenceAt(t0).set(user.id(), PresenceStatus.ONLINE);
        watchAt(t0.plus(Duration.ofMinutes(3))).timeOutUnseen();

        var mine = Agent.of(new TestApi(port), user).api().get("/api/me/presence").expect(200).json();

        assertThat(mine.get("status").asString()).isEqualTo("OFFLINE");
        assertThat(mine.get("changedBy").asString()).isEqualTo("TIMEOUT");
        assertThat(mine.get("statusBeforeTimeout").asString()).isEqualTo("ONLINE");
    }
}
