package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Socket;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.JsonNode;

/**
 * Two Tandem nodes, as behind a load balancer: one PostgreSQL database, live updates through the local
 * RabbitMQ, rate limits in the local Redis. A customer on one node and an agent on the other see each
 * other live, both ways; an article published on one node answers customers on the other; a job that must
 * run once per cluster does; a node that stops loses no message it acknowledged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesClusterTest {

    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String ADMIN_PASSWORD = "cluster-admin-password";
    private static final String SCHEMA = "tandem_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static TestApi a;
    private static TestApi b;

    @BeforeAll
    static void startTwoNodes() {
        assumeServiceRuns("PostgreSQL", 5432);
        assumeServiceRuns("RabbitMQ", 5672);
        assumeServiceRuns("Redis", 6379);
        nodeA = node("a");
        nodeB = node("b");
        a = new TestApi(port(nodeA));
        b = new TestApi(port(nodeB));
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (var node : new ConfigurableApplicationContext[] { nodeA, nodeB }) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        try (var connection = DriverManager.getConnection(PG_URL, "postgres", "")) {
            connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    @Order(1)
    void aCustomerOnOneNodeAndAnAgentOnTheOtherSeeEachOtherLive() throws Exception {
        var customer = WidgetCustomer.start(a, "I'd like to talk to a person about my invoice, please.");
        customer.handoff().expect(200);
        var customerStream = customer.events();
        customerStream.next(e -> e.name().equals("status"));
        var agent = FormSession.signIn(port(nodeB), "admin", ADMIN_PASSWORD);
        var agentStream = agent.stream("/workspace/events?conversation=" + customer.id());
        var admin = b.as("admin", ADMIN_PASSWORD);

        admin.post("/api/conversations/" + customer.id() + "/assign", null).expect(200);
        admin.post("/api/conversations/" + customer.id() + "/messages", Map.of("text", "Hello, this is the billing team."))
            .expect(201);
        var reply = customerStream.next(e -> e.name().equals("message") && "AGENT".equals(TestApi.text(e.json(), "author")));
        assertThat(TestApi.text(reply.json(), "text")).isEqualTo("Hello, this is the billing team.");

        String said = customer.post("Thanks! It's invoice 4411.").expect(201).text("status");
        assertThat(said).isEqualTo("ASSIGNED");
        UUID posted = lastMessageId(customer);
        var seen = agentStream.next(e -> e.name().equals("message") && e.data().contains(posted.toString()));
        assertThat(seen).isNotNull();
    }

    @Test
    @Order(2)
    void anArticlePublishedOnOneNodeAnswersCustomersOnTheOtherWithinSeconds() {
        var curator = a.as("admin", ADMIN_PASSWORD);
        UUID article = curator.post("/api/knowledge/articles", Map.of("slug", "shipping-to-antarctica",
                "title", "Shipping to Antarctica", "language", "en", "audience", "PUBLIC",
                "body", "## Delivery to research stations\n\nWe ship to Antarctic research stations twice a year, in "
                        + "January and in July. Orders placed by the 15th of December travel on the January supply "
                        + "flight."))
            .expect(201).id("id");
        curator.post("/api/knowledge/articles/" + article + "/publish", null).expect(200);
        Instant published = Instant.now();

        var searcher = b.as("admin", ADMIN_PASSWORD);
        Duration took = null;
        while (took == null && Duration.between(published, Instant.now()).toSeconds() < 60) {
            var found = searcher.get("/api/knowledge/search?q=ship+to+Antarctica&audience=customer&language=en").expect(200);
            if (found.body().contains(article.toString())) {
                took = Duration.between(published, Instant.now());
            }
            else {
                pause(100);
            }
        }
        assertThat(took).as("node b searches the article published on node a").isNotNull();
        assertThat(took).isLessThan(Duration.ofSeconds(15));

        var customer = WidgetCustomer.start(b, "When do you ship to Antarctic research stations?");
        JsonNode answer = awaitAnswer(customer);
        assertThat(answer.get("author").asString()).isEqualTo("AI");
        assertThat(answer.get("citations").get(0).get("title").asString()).isEqualTo("Shipping to Antarctica");
    }

    @Test
    @Order(3)
    void aJobThatMustRunOncePerClusterRunsOnOneNodeAtATime() {
        OncePerClusterProbe.runs.clear();
        pause(6_000);
        List<Run> runs;
        synchronized (OncePerClusterProbe.runs) {
            runs = new ArrayList<>(OncePerClusterProbe.runs);
        }
        runs.sort((x, y) -> x.at().compareTo(y.at()));
        // each node tries every 100 ms (about 60 times each); the lock lets one run per second in the cluster
        assertThat(runs).hasSizeBetween(4, 8);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1).at(), runs.get(i).at())).isGreaterThan(Duration.ofMillis(900));
        }
    }

    @Test
    @Order(4)
    void theRateLimitsAreTheClustersNotEachNodes() {
        var customer = WidgetCustomer.start(a, "Hello, one question");
        // three messages a conversation in a burst (tandem.channel.rate-limit.messages-per-minute=6), whichever node
        customer.post("one").expect(201);
        WidgetCustomer onB = new WidgetCustomer(b, customer.id(), customer.token(), customer.started());
        onB.post("two").expect(201);
        customer.post("three").expect(201);
        onB.post("four").expectProblem(429);
        customer.post("five").expectProblem(429);
    }

    @Test
    @Order(5)
    void aNodeThatStopsLosesNoMessageItAcknowledged() throws Exception {
        List<WidgetCustomer> customers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            customers.add(WidgetCustomer.start(b, "Question " + i));
        }
        Map<String, UUID> acknowledged = Collections.synchronizedMap(new HashMap<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread sender = new Thread(() -> {
            for (int i = 0; !stop.get() && i < 80; i++) {
                WidgetCustomer customer = customers.get(i % customers.size());
                String clientMessageId = "stop-test-" + i + "-" + UUID.randomUUID();
                WidgetCustomer onA = new WidgetCustomer(a, customer.id(), customer.token(), customer.started());
                try {
                    if (onA.post("message " + clientMessageId, clientMessageId).status() == 201) {
                        acknowledged.put(clientMessageId, customer.id());
                    }
                }
                catch (RuntimeException nodeGone) {
                    // refused or cut off while stopping: not acknowledged, the widget would retry on another node
                }
                pause(20);
            }
        }, "sender");
        sender.start();
        pause(500);
        nodeA.close();
        stop.set(true);
        sender.join();

        assertThat(acknowledged).isNotEmpty();
        for (var entry : acknowledged.entrySet()) {
            WidgetCustomer customer = customers.stream().filter(c -> c.id().equals(entry.getValue())).findFirst()
                .orElseThrow();
            String conversation = customer.get().expect(200).body();
            assertThat(conversation).as("acknowledged by node a, read on node b").contains(entry.getKey());
        }
    }

    private static JsonNode awaitAnswer(WidgetCustomer customer) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode messages = customer.view().get("messages");
        while (messages.size() < 2 && System.nanoTime() < until) {
            pause(100);
            messages = customer.view().get("messages");
        }
        assertThat(messages.size()).as("the assistant answered").isGreaterThanOrEqualTo(2);
        return messages.get(messages.size() - 1);
    }

    private static UUID lastMessageId(WidgetCustomer customer) {
        JsonNode messages = customer.view().get("messages");
        return UUID.fromString(messages.get(messages.size() - 1).get("id").asString());
    }

    private static ConfigurableApplicationContext node(String name) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.datasource.url", PG_URL + "?currentSchema=" + SCHEMA);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.flyway.schemas", SCHEMA);
        properties.put("spring.flyway.default-schema", SCHEMA);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "warn");
        properties.put("tandem.data-dir", "target/cluster-test/" + SCHEMA + "/" + name);
        properties.put("tandem.demo", false);
        properties.put("tandem.bootstrap-admin-password", ADMIN_PASSWORD);
        properties.put("tandem.cluster.live-updates", "rabbitmq");
        properties.put("tandem.cluster.rate-limits", "redis");
        properties.put("tandem.channel.rate-limit.messages-per-minute", 6);
        properties.put("tandem.channel.rate-limit.requests-per-minute-per-ip", 1_000_000);
        properties.put("tandem.channel.rate-limit.conversations-per-hour-per-ip", 1_000_000);
        properties.put("tandem.answering.enabled", true);
        properties.put("tandem.escalation.learn-from-examples", false);
        // as command-line arguments: default properties would lose to application.yml
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
        return new SpringApplicationBuilder(TandemApplication.class)
            .initializers(context -> ((GenericApplicationContext) context).registerBean(OncePerClusterProbe.class,
                    () -> new OncePerClusterProbe(name)))
            .run(arguments);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static void assumeServiceRuns(String service, int port) {
        boolean reachable;
        try (var socket = new Socket("127.0.0.1", port)) {
            reachable = true;
        }
        catch (Exception e) {
            reachable = false;
        }
        if (!reachable && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(service + " at 127.0.0.1:" + port + " is required in CI");
        }
        assumeTrue(reachable, service + " is not running on this machine");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Run(String node, Instant at) {
    }

    /** Registered on each node as the project's own cluster-once jobs are: a schedule and a ShedLock lock. */
    public static class OncePerClusterProbe {

        static final List<Run> runs = Collections.synchronizedList(new ArrayList<>());

        private final String node;

        public OncePerClusterProbe(String node) {
            this.node = node;
        }

        @Scheduled(fixedDelay = 100)
        @SchedulerLock(name = "two-nodes-cluster-test", lockAtLeastFor = "PT1S", lockAtMostFor = "PT10S")
        public void run() {
            runs.add(new Run(node, Instant.now()));
        }
    }
}
