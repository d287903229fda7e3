package dev.tandem.insight.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.TandemApplication;
import dev.tandem.TestAccounts;
import dev.tandem.identity.ApiTokens;
import dev.tandem.identity.Team;
import dev.tandem.identity.Teams;
import dev.tandem.identity.UserAccounts;
import dev.tandem.identity.UserSummary;

/**
 * Benchmark, not a test: the dashboards on 1 million conversations in PostgreSQL (goal: p95 ≤ 500 ms). Creates its
 * own database ({@code tandem_dash_bench} on the local server), starts the whole application on it, seeds the
 * rollups' sources in bulk SQL (1M outcome rows over the last 365 days, 10 teams, 60 agents, 5 channels, 9 languages,
 * 40 topics; an escalation reason for every handed-over conversation; an unanswered question in 1 of 10), rebuilds
 * the rollups from them, times the dashboard API over HTTP with a mix of filters, times the event path (one
 * conversation's contribution moved), and drops the database.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.insight.dashboard.DashboardBenchmark [conversations]
 * </pre>
 */
final class DashboardBenchmark {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "tandem_dash_bench";
    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final int WARM_UP = 30;
    private static final int MEASURED = Integer.getInteger("bench.requests", 60);

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        admin("drop database if exists " + DATABASE);
        admin("create database " + DATABASE);
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplication(TandemApplication.class).run("--server.port=0", "--tandem.demo=false",
                    "--spring.datasource.url=" + SERVER + DATABASE, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--tandem.bootstrap-admin-password=" + ADMIN_PASSWORD,
                    "--tandem.insight.outcomes.enabled=false", "--logging.level.root=warn");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            var accounts = new TestAccounts(app.getBean(UserAccounts.class), app.getBean(Teams.class));
            List<Team> teams = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                teams.add(accounts.team("team"));
            }
            List<UserSummary> agents = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                agents.add(accounts.agent(teams.get(i % 10)));
            }
            UserSummary supervisor = accounts.supervisor();

            long t0 = System.nanoTime();
            seed(jdbc, conversations, teams, agents);
            long seeded = System.nanoTime();
            System.out.printf("seeded %,d conversations in %.1f s%n", conversations, (seeded - t0) / 1e9);
            var rebuilt = app.getBean(RebuildRollups.class).rebuild();
            System.out.printf("rebuild: %,d contributions, %,d rollup rows (dashboard_day) in %.1f s%n",
                    rebuilt.conversations(), rebuilt.rollupRows(), rebuilt.millis() / 1e3);
            jdbc.sql("analyze").update();
            System.out.printf("rollup rows: day %,d, reason %,d, gap %,d%n", count(jdbc, "dashboard_day"),
                    count(jdbc, "dashboard_reason_day"), count(jdbc, "dashboard_gap_day"));

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("default (last 30 days)", "");
            queries.put("last 7 days, one team", "?from=" + today.minusDays(6) + "&team=" + teams.get(3).id());
            queries.put("last 30 days, channel + language", "?channel=email&language=es");
            queries.put("last 30 days, one agent", "?agent=" + agents.get(7).id());
            queries.put("last 90 days", "?from=" + today.minusDays(89));
            queries.put("last 365 days", "?from=" + today.minusDays(364));
            queries.put("last 365 days, one team", "?from=" + today.minusDays(364) + "&team=" + teams.get(5).id());
            HttpClient http = HttpClient.newHttpClient();
            // an API token, as integrations call it (Basic would add a password hash check to every request)
            String auth = "Bearer " + app.getBean(ApiTokens.class).issue(supervisor.id(), "bench", "bench").secret();
            List<String> paths = new ArrayList<>(queries.values());
            for (int i = 0; i < WARM_UP; i++) {
                get(http, port, auth, "/api/insight/dashboard" + paths.get(i % paths.size()));
            }
            List<Long> all = new ArrayList<>();
            System.out.println("GET /api/insight/dashboard (JSON), " + MEASURED + " requests each, one at a time:");
            for (var query : queries.entrySet()) {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < MEASURED; i++) {
                    times.add(get(http, port, auth, "/api/insight/dashboard" + query.getValue()));
                }
                all.addAll(times);
                System.out.printf("  %-36s %s%n", query.getKey(), percentiles(times));
            }
            System.out.printf("  %-36s %s%n", "all of the above", percentiles(all));
            // the same views without HTTP, JSON and security: the queries and their assembly alone
            Dashboards dashboards = app.getBean(Dashboards.class);
            for (var query : queries.entrySet()) {
                var params = org.springframework.web.util.UriComponentsBuilder.fromUriString(query.getValue()).build()
                    .getQueryParams();
                var filter = DashboardFilter.parse(params.getFirst("from"), null, params.getFirst("channel"),
                        params.getFirst("language"), params.getFirst("team"), params.getFirst("agent"), null, today);
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < MEASURED / 3; i++) {
                    long s = System.nanoTime();
                    dashboards.view(filter);
                    times.add(System.nanoTime() - s);
                }
                System.out.printf("  in process: %-24s %s%n", query.getKey(), percentiles(times));
            }
            List<Long> csv = new ArrayList<>();
            for (int i = 0; i < MEASURED; i++) {
                csv.add(get(http, port, auth, "/api/insight/dashboard/export.csv"));
            }
            System.out.printf("  %-36s %s%n", "CSV export, last 30 days", percentiles(csv));

            // the event path: a conversation's outcome changes and its contribution moves the rollups
            KeepRollups keep = app.getBean(KeepRollups.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            List<UUID> sample = jdbc.sql("select conversation_id from conversation_outcome tablesample system (1) limit 500")
                .query(UUID.class).list();
            List<Long> moved = new ArrayList<>();
            for (UUID id : sample) {
                jdbc.sql("update conversation_outcome set outcome = case outcome when 'AI_RESOLVED' then 'REOPENED' "
                        + "else 'AI_RESOLVED' end, csat = 5 where conversation_id = ?").param(id).update();
                long s = System.nanoTime();
                tx.executeWithoutResult(t -> keep.refresh(id));
                moved.add(System.nanoTime() - s);
            }
            System.out.printf("  %-36s %s%n", "event: one contribution moved", percentiles(moved));
        } finally {
            if (app != null) {
                app.close();
            }
            admin("drop database if exists " + DATABASE);
        }
    }

    private static void seed(JdbcClient jdbc, int n, List<Team> teams, List<UserSummary> agents) {
        String teamArray = "array[" + teams.stream().map(t -> "'" + t.id() + "'").collect(Collectors.joining(","))
                + "]::uuid[]";
        String agentArray = "array[" + agents.stream().map(a -> "'" + a.id() + "'").collect(Collectors.joining(","))
                + "]::uuid[]";
        Instant now = Instant.now();
        // agent k belongs to team k % 10, as created; a third of the conversations reach a person
        jdbc.sql("""
                insert into conversation_outcome (conversation_id, team_id, agent_id, channel, language, intent, started_at,
                    started_day, outcome, ai_only, handoff_at, first_response_seconds, relief_seconds, ended_at, reopens,
                    repeated_facts, repeat_contact_id, csat, verified, ledger_checked, updated_at)
                select gen_random_uuid(), (%s)[1 + (g %% 60) %% 10],
                    case when r1 < 0.35 then (%s)[1 + g %% 60] end,
                    (array['widget','widget','widget','email','email','api','whatsapp','sms'])[1 + floor(r2 * 8)::int],
                    (array['en','en','en','en','es','es','de','fr','pt','it','nl','pl'])[1 + floor(r3 * 12)::int],
                    'topic_' || floor(r4 * 40)::int, t, (t at time zone 'UTC')::date,
                    case when r1 < 0.35 then (case when r5 < 0.9 then 'HUMAN_RESOLVED' else 'ABANDONED' end)
                         when r1 < 0.93 then 'AI_RESOLVED' when r1 < 0.97 then 'ABANDONED' else 'OPEN' end,
                    r1 >= 0.35, case when r1 < 0.35 then t + interval '40 seconds' end, floor(r5 * 120)::bigint,
                    case when r1 < 0.93 then floor(r4 * r4 * 7200)::bigint end, t + interval '10 minutes', 0,
                    case when r1 < 0.05 then 1 else 0 end, case when r2 < 0.03 then gen_random_uuid() end,
                    case when r2 < 0.3 then 1 + floor(r3 * 5)::int end, r1 >= 0.35 and r1 < 0.75, true, ?
                from (select g, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
                             ?::timestamptz - random() * interval '365 days' as t
                      from generate_series(1, ?) g) s""".formatted(teamArray, agentArray))
            .params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now), n).update();
        jdbc.sql("""
                insert into dashboard_escalation (conversation_id, reason, at)
                select conversation_id, (array['PERSON_REQUEST','PERSON_REQUEST','FRUSTRATION','REPETITION','HIGH_STAKES',
                    'VULNERABLE','OUT_OF_SCOPE','TASK_FAILED'])[1 + floor(random() * 8)::int], handoff_at
                from conversation_outcome where handoff_at is not null""").update();
        jdbc.sql("""
                insert into ai_answer (id, conversation_id, kind, language, question, confidence, created_at)
                select gen_random_uuid(), conversation_id, 'DONT_KNOW', coalesce(language, 'en'), 'a question', 0, started_at
                from conversation_outcome where random() < 0.1""").update();
        jdbc.sql("analyze").update();
    }

    private static long get(HttpClient http, int port, String auth, String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", auth).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return took;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
