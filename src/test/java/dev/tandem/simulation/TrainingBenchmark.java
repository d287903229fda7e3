package dev.tandem.simulation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tandem.TandemApplication;
import dev.tandem.identity.ApiTokens;
import dev.tandem.identity.UserDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test: the training API's own time, over HTTP, for every demo scenario played by the careful
 * agent of {@link TrainingCustomerTest} (start, each message with the customer's answer, finish and score), one
 * request at a time after a warm-up round; and the share of sessions that end with the goal met. Starts the whole
 * application (H2 in a fresh directory); the admin practises, with an API token.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tandem.simulation.TrainingBenchmark
 * </pre>
 */
final class TrainingBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("tandem-training-bench");
        ConfigurableApplicationContext app = new SpringApplication(TandemApplication.class).run(
                "--tandem.data-dir=" + data, "--server.port=0", "--tandem.demo=false",
                "--tandem.bootstrap-admin-password=bench-admin-password", "--tandem.api.rate-limit.enabled=false",
                "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://localhost:" + port + "/api/training/sessions";
            // a bearer token, as an API client would use: HTTP Basic would time the password hash on every request
            UUID admin = app.getBean(UserDirectory.class).userByUsername("admin").orElseThrow().id();
            String auth = "Bearer " + app.getBean(ApiTokens.class).issue(admin, "training-bench", "bench").secret();
            List<Scenario> scenarios = ScenarioFile.demo();
            List<Long> starts = new ArrayList<>();
            List<Long> turns = new ArrayList<>();
            List<Long> finishes = new ArrayList<>();
            int met = 0;
            for (int round = 0; round < 2; round++) {
                boolean measured = round == 1;
                for (Scenario scenario : scenarios) {
                    long t0 = System.nanoTime();
                    String id = post(base, auth, Map.of("scenarioId", scenario.id())).get("id").asString();
                    if (measured) {
                        starts.add(System.nanoTime() - t0);
                    }
                    for (String text : TrainingCustomerTest.careful(scenario)) {
                        long t = System.nanoTime();
                        post(base + "/" + id + "/turns", auth, Map.of("text", text));
                        if (measured) {
                            turns.add(System.nanoTime() - t);
                        }
                    }
                    long t = System.nanoTime();
                    JsonNode finished = post(base + "/" + id + "/finish", auth, null);
                    if (measured) {
                        finishes.add(System.nanoTime() - t);
                        met += finished.get("score").get("goalMet").asBoolean() ? 1 : 0;
                    }
                }
            }
            System.out.printf("scenarios %d (after a warm-up round); goal met %d of %d%n", scenarios.size(), met, scenarios.size());
            System.out.println("start   " + percentiles(starts));
            System.out.println("turn    " + percentiles(turns));
            System.out.println("finish  " + percentiles(finishes));
        } finally {
            app.close();
        }
    }

    private static JsonNode post(String url, String auth, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (n=%d)", at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
