package dev.tandem.insight.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.TandemTest;
import dev.tandem.TestAccounts;
import dev.tandem.TestApi;
import dev.tandem.escalation.ConversationEscalated;
import dev.tandem.escalation.EscalationReason;
import dev.tandem.escalation.Priority;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;
import dev.tandem.insight.ConversationOutcomeRecorded;
import dev.tandem.insight.Outcome;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards as a supervisor, an agent and an admin meet them, on figures the test knows exactly: each test
 * writes the outcome rows of a team of its own (as the outcome module writes them), lets the events or the refresh
 * move the rollups, and reads the team's dashboard; a reopen, a reversed ledger entry, a new rating or a move to
 * another team moves the counts, a repeated event moves nothing, and a rebuild from the sources gives the same.
 */
@TandemTest
class DashboardApiTest {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final LocalDate DAY_1 = LocalDate.of(2026, 3, 2);
    private static final LocalDate DAY_2 = LocalDate.of(2026, 3, 3);
    private static final String PERIOD = "from=2026-03-01&to=2026-03-31";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    Teams teams;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeepRollups keep;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    TestApi api;
    TestApi supervisor;
    TestApi admin;
    OutcomeRows rows;
    TestAccounts accounts;
    Team team;
    UserSummary agent;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        accounts = new TestAccounts(userAccounts, teams);
        supervisor = api.as(accounts.supervisor().username(), TestAccounts.PASSWORD);
        admin = api.as("admin", ADMIN_PASSWORD);
        rows = new OutcomeRows(jdbc);
        team = accounts.team("dash");
        agent = accounts.agent(team);
    }

    @Test
    void figuresPerTeamAndAgentWithFiltersByPeriodChannelAndLanguage() {
        var verified = save(rows.row(team.id(), DAY_1).ended(Outcome.AI_RESOLVED, true).timed(2L, 30L).rated(5)
            .about("payment_methods"));
        save(rows.row(team.id(), DAY_1).ended(Outcome.AI_RESOLVED, false).in("widget", "es").timed(4L, 90L).rated(2));
        var human = save(rows.row(team.id(), DAY_2).agent(agent.id()).handed().ended(Outcome.HUMAN_RESOLVED, false)
            .in("email", "en").timed(100L, 600L).repeated(1, false));
        var abandoned = rows.row(team.id(), DAY_2).ended(Outcome.ABANDONED, false).about("shipping_mars");
        rows.unanswered(abandoned.id());
        save(abandoned);
        save(rows.row(team.id(), DAY_2).ended(Outcome.OPEN, false).repeated(0, true));
        escalate(human.id(), EscalationReason.FRUSTRATION, EscalationReason.PERSON_REQUEST);

        JsonNode view = dashboard("");
        JsonNode t = view.get("totals");
        assertThat(t.get("conversations").asLong()).isEqualTo(5);
        assertThat(t.get("aiResolved").asLong()).isEqualTo(2);
        assertThat(t.get("verified").asLong()).isEqualTo(1);
        assertThat(t.get("humanResolved").asLong()).isEqualTo(1);
        assertThat(t.get("abandoned").asLong()).isEqualTo(1);
        assertThat(t.get("open").asLong()).isEqualTo(1);
        assertThat(t.get("escalated").asLong()).isEqualTo(1);
        assertThat(t.get("aiResolutionRate").asDouble()).isEqualTo(0.5); // 2 of 4 ended
        assertThat(t.get("verifiedRate").asDouble()).isEqualTo(0.25);
        assertThat(t.get("reliefAvgSeconds").asDouble()).isEqualTo(240.0); // (30 + 90 + 600) / 3
        assertThat(t.get("firstResponseAvgSeconds").asDouble()).isEqualTo(106.0 / 3, org.assertj.core.data.Offset.offset(0.001));
        assertThat(t.get("csatAverage").asDouble()).isEqualTo(3.5);
        assertThat(t.get("csatResponses").asLong()).isEqualTo(2);
        assertThat(t.get("knowledgeGaps").asLong()).isEqualTo(1);
        assertThat(t.get("repeatedFacts").asLong()).isEqualTo(1);
        assertThat(t.get("repeatContacts").asLong()).isEqualTo(1);
        assertThat(longs(view.get("relief").get("counts"))).containsExactly(1L, 1L, 1L, 0L, 0L);
        assertThat(longs(view.get("csat").get("counts"))).containsExactly(0L, 1L, 0L, 0L, 1L);
        assertThat(view.get("daily").size()).isEqualTo(31);
        assertThat(view.get("daily").get(1).get("figures").get("conversations").asLong()).isEqualTo(2);
        assertThat(view.get("daily").get(2).get("figures").get("conversations").asLong()).isEqualTo(3);
        assertThat(view.get("escalationReasons").findValuesAsString("key")).containsExactlyInAnyOrder("FRUSTRATION",
                "PERSON_REQUEST");
        assertThat(view.get("escalationReasons").get(0).get("label").asString()).isNotBlank();
        assertThat(view.get("knowledgeGaps").get(0).get("key").asString()).isEqualTo("shipping_mars");
        assertThat(view.get("teams").get(0).get("name").asString()).isEqualTo(team.name());
        JsonNode agentRow = find(view.get("agents"), agent.id());
        assertThat(agentRow.get("figures").get("humanResolved").asLong()).isEqualTo(1);
        assertThat(agentRow.get("name").asString()).isEqualTo(agent.displayName());

        assertThat(total(dashboard("&channel=email"), "conversations")).isEqualTo(1);
        assertThat(total(dashboard("&language=es"), "conversations")).isEqualTo(1);
        assertThat(total(dashboard("&language=es"), "csatAverage")).isEqualTo(2);
        assertThat(total(dashboard("&agent=" + agent.id()), "humanResolved")).isEqualTo(1);
        assertThat(total(supervisor.get("/api/insight/dashboard?from=2026-03-03&to=2026-03-03&team=" + team.id())
            .expect(200).json(), "conversations")).isEqualTo(3);
        assertThat(dashboard("&channel=phone").get("totals").get("aiResolutionRate").isNull()).isTrue();
        assertThat(verified.verified()).isTrue();
    }

    @Test
    void reopensReversalsRatingsAndTeamChangesMoveTheCountsAndARepeatedEventMovesNothing() {
        var row = save(rows.row(team.id(), DAY_1).ended(Outcome.AI_RESOLVED, true).timed(3L, 60L));
        assertThat(total(dashboard(""), "verified")).isEqualTo(1);

        // a reopen inside the window: the ledger reverses the entry and the conversation is open again
        row = rows.save(row.ended(Outcome.REOPENED, false));
        recorded(row.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> total(dashboard(""), "verified") == 0);
        JsonNode t = dashboard("").get("totals");
        assertThat(t.get("aiResolved").asLong()).isZero();
        assertThat(t.get("open").asLong()).isEqualTo(1);
        assertThat(t.get("conversations").asLong()).isEqualTo(1);

        // resolved by a person this time, and rated
        row = save(row.agent(agent.id()).ended(Outcome.HUMAN_RESOLVED, false).rated(4));
        t = dashboard("").get("totals");
        assertThat(t.get("open").asLong()).isZero();
        assertThat(t.get("humanResolved").asLong()).isEqualTo(1);
        assertThat(t.get("csatAverage").asDouble()).isEqualTo(4.0);

        // the same event again, and again: nothing moves
        refresh(row.id());
        refresh(row.id());
        assertThat(dashboard("").get("totals")).isEqualTo(t);

        // a changed rating
        row = save(row.rated(1));
        assertThat(total(dashboard(""), "csatAverage")).isEqualTo(1.0);
        assertThat(total(dashboard(""), "csatResponses")).isEqualTo(1);

        // transferred to another team: it leaves this team's figures and arrives in the other's
        Team other = accounts.team("dash-other");
        save(row.team(other.id()));
        assertThat(total(dashboard(""), "conversations")).isZero();
        assertThat(total(supervisor.get("/api/insight/dashboard?" + PERIOD + "&team=" + other.id()).expect(200).json(),
                "humanResolved")).isEqualTo(1);
    }

    @Test
    void theCsvHoldsWhatTheDashboardShows() {
        save(rows.row(team.id(), DAY_1).ended(Outcome.AI_RESOLVED, true).rated(5));
        save(rows.row(team.id(), DAY_2).agent(agent.id()).ended(Outcome.HUMAN_RESOLVED, false));
        var response = supervisor.get("/api/insight/dashboard/export.csv?" + PERIOD + "&team=" + team.id()).expect(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("dashboard-2026-03-01-2026-03-31.csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).startsWith("section,key,name,conversations,open,ai_resolved,verified,human_resolved");
        assertThat(lines.get(1)).startsWith("total,2026-03-01..2026-03-31,team " + team.name() + ",2,0,1,1,1,0,0,0.5,0.5");
        assertThat(lines).filteredOn(l -> l.startsWith("day,")).hasSize(31);
        assertThat(lines).filteredOn(l -> l.startsWith("day,2026-03-02,,1,")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("team," + team.id() + "," + team.name() + ",2,")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("agent," + agent.id() + ",")).hasSize(1);
    }

    @Test
    void agentsSeeTheirOwnFiguresOnlyAndOthersNone() {
        save(rows.row(team.id(), DAY_1).agent(agent.id()).ended(Outcome.HUMAN_RESOLVED, false));
        TestApi asAgent = api.as(agent.username(), TestAccounts.PASSWORD);
        asAgent.get("/api/insight/dashboard?" + PERIOD).expectProblem(403);
        asAgent.get("/api/insight/dashboard?" + PERIOD + "&team=" + team.id()).expectProblem(403);
        asAgent.get("/api/insight/dashboard?" + PERIOD + "&agent=me&team=" + team.id()).expectProblem(403);
        asAgent.get("/api/insight/dashboard/export.csv?" + PERIOD).expectProblem(403);
        UserSummary colleague = accounts.agent(team);
        asAgent.get("/api/insight/dashboard?" + PERIOD + "&agent=" + colleague.id()).expectProblem(403);
        JsonNode own = asAgent.get("/api/insight/dashboard?" + PERIOD + "&agent=me").expect(200).json();
        assertThat(own.get("totals").get("humanResolved").asLong()).isEqualTo(1);
        assertThat(own.get("agents").size()).isEqualTo(1);

        TestApi curator = api.as(accounts.curator().username(), TestAccounts.PASSWORD);
        curator.get("/api/insight/dashboard?" + PERIOD).expectProblem(403);
        api.get("/api/insight/dashboard").expectProblem(401);
        asAgent.post("/api/insight/dashboard/rebuild", null).expectProblem(403);
        supervisor.post("/api/insight/dashboard/rebuild", null).expectProblem(403);
    }

    @Test
    void badFiltersAreProblemsThatSayWhatToSend() {
        assertThat(supervisor.get("/api/insight/dashboard?from=yesterday").expectProblem(400).detail())
            .contains("from", "2026-12-07");
        assertThat(supervisor.get("/api/insight/dashboard?from=2026-03-05&to=2026-03-01").expectProblem(400).detail())
            .contains("after");
        assertThat(supervisor.get("/api/insight/dashboard?from=2020-01-01&to=2026-03-01").expectProblem(400).detail())
            .contains("at most 731");
        assertThat(supervisor.get("/api/insight/dashboard?team=billing").expectProblem(400).detail()).contains("team");
        assertThat(supervisor.get("/api/insight/dashboard?agent=42").expectProblem(400).detail()).contains("agent");
        assertThat(supervisor.get("/api/insight/dashboard?language=english!").expectProblem(400).detail())
            .contains("language");
        assertThat(supervisor.get("/api/insight/dashboard?channel=%27%3B--").expectProblem(400).detail())
            .contains("channel");
        supervisor.get("/api/insight/dashboard/export.csv?to=soon").expectProblem(400);
    }

    @Test
    void aRebuildFromTheSourcesGivesTheFiguresTheEventsKept() {
        var first = save(rows.row(team.id(), DAY_1).ended(Outcome.AI_RESOLVED, true).timed(1L, 20L).rated(5));
        var second = save(rows.row(team.id(), DAY_2).agent(agent.id()).handed().ended(Outcome.HUMAN_RESOLVED, false)
            .timed(50L, 4000L).about("refunds"));
        rows.unanswered(second.id());
        save(second);
        escalate(second.id(), EscalationReason.HIGH_STAKES);
        JsonNode before = dashboard("");
        // drift the rollups on purpose (as a lost event would): the rebuild repairs it
        jdbc.sql("update dashboard_day set conversations = conversations + 7 where team_id = ?").param(team.id()).update();
        jdbc.sql("delete from dashboard_contribution where conversation_id = ?").param(first.id()).update();

        JsonNode rebuilt = admin.post("/api/insight/dashboard/rebuild", null).expect(200).json();
        assertThat(rebuilt.get("conversations").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode after = dashboard("");
        assertThat(after.get("totals")).isEqualTo(before.get("totals"));
        assertThat(after.get("escalationReasons")).isEqualTo(before.get("escalationReasons"));
        assertThat(after.get("knowledgeGaps")).isEqualTo(before.get("knowledgeGaps"));
        assertThat(after.get("agents")).isEqualTo(before.get("agents"));
        assertThat(after.get("relief")).isEqualTo(before.get("relief"));
    }

    @Test
    void theOutcomeAndEscalationEventsKeepTheRollups() {
        var row = rows.save(rows.row(team.id(), DAY_1).handed().ended(Outcome.HUMAN_RESOLVED, false));
        recorded(row.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> total(dashboard(""), "conversations") == 1);
        transactions.executeWithoutResult(tx -> events.publishEvent(new ConversationEscalated(row.id(), Priority.HIGH,
                List.of(EscalationReason.VULNERABLE), "summary", Instant.now())));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> dashboard("").get("escalationReasons").findValuesAsString("key").contains("VULNERABLE"));
    }

    private OutcomeRows.Row save(OutcomeRows.Row row) {
        rows.save(row);
        refresh(row.id());
        return row;
    }

    private void refresh(UUID id) {
        transactions.executeWithoutResult(tx -> keep.refresh(id));
    }

    private void recorded(UUID id) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new ConversationOutcomeRecorded(id, team.id(),
                Outcome.OPEN, Outcome.OPEN, Instant.now())));
    }

    private void escalate(UUID id, EscalationReason... reasons) {
        transactions.executeWithoutResult(tx -> keep.escalatedFor(id, Set.of(reasons), Instant.now()));
    }

    private JsonNode dashboard(String more) {
        return supervisor.get("/api/insight/dashboard?" + PERIOD + "&team=" + team.id() + more).expect(200).json();
    }

    private static double total(JsonNode view, String figure) {
        return view.get("totals").get(figure).asDouble();
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.asLong()));
        return values;
    }

    private static JsonNode find(JsonNode rows, UUID id) {
        for (JsonNode row : rows) {
            if (row.path("id").isString() && id.toString().equals(row.get("id").asString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + id + " in " + rows);
    }
}
