package dev.tandem;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.tandem.simulation.Scenario;
import dev.tandem.simulation.ScenarioFile;
import dev.tandem.simulation.Simulation;
import dev.tandem.simulation.SimulationOptions;
import dev.tandem.simulation.SimulationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar tandem.jar simulate ...}: the simulated customers of a scenario file against the Tandem at
 * {@code --url}, or, without it, against one started in this process on a fresh temporary H2 database with the
 * demo workspace (its agent and admin stand in for the simulated agent and the customers' mailbox). Prints the
 * report on stdout (one JSON object with {@code --json}); exit status 0 when the run completed whatever the
 * scores, 2 on bad input or when no Tandem could be reached or started.
 */
final class SimulateCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private SimulateCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err, String... springArgs) {
        SimulationOptions options;
        List<Scenario> scenarios;
        JsonNode earlier = null;
        try {
            options = SimulationOptions.parse(args);
            scenarios = Simulation.scenarios(options);
            if (options.compare() != null) {
                earlier = readReport(options.compare());
            }
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            err.println(SimulationOptions.USAGE);
            return 2;
        } catch (ScenarioFile.Invalid e) {
            err.println("simulate: the scenario file cannot be run:");
            err.println(e.getMessage());
            return 2;
        }
        if (options.url() != null) {
            var unreachable = Simulation.unreachable(options);
            if (unreachable.isPresent()) {
                err.println("simulate: " + unreachable.get());
                return 2;
            }
            return simulate(options, scenarios, earlier, out, err);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tandem-simulate-");
        } catch (IOException e) {
            err.println("simulate: cannot create a temporary data directory: " + e.getMessage());
            return 2;
        }
        String agentPassword = "sim-" + UUID.randomUUID();
        String adminPassword = "sim-" + UUID.randomUUID();
        List<String> spring = new ArrayList<>(List.of("--server.port=0", "--tandem.data-dir=" + dir, "--tandem.demo=true",
                "--TANDEM_DEMO_PASSWORD=" + agentPassword, "--tandem.bootstrap-admin-password=" + adminPassword,
                // a simulation is a flood from one address; the limits would only slow it down
                "--tandem.channel.rate-limit.enabled=false",
                "--tandem.api.rate-limit.enabled=false",
                "--spring.datasource.url=jdbc:h2:file:" + dir + "/tandem;DB_CLOSE_ON_EXIT=FALSE",
                "--logging.level.org.springframework.boot.SpringApplication=off",
                "--logging.level.org.springframework.boot.diagnostics=off"));
        spring.addAll(Arrays.asList(springArgs));
        err.println("simulate: starting Tandem with the demo workspace on a fresh database in " + dir + " ...");
        // main set logback's file for the plain-Java run against a URL; Spring takes its own (logging.config)
        System.clearProperty("logback.configurationFile");
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(TandemApplication.class).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).run(spring.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("simulate: " + KnowledgeImportCommand.whyNotStarted(e));
            delete(dir);
            return 2;
        }
        try (context) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String url = "http://127.0.0.1:" + port;
            if (!ready(url)) {
                err.println("simulate: the embedded Tandem did not report ready within " + READY_WITHIN.toMinutes() + " minutes");
                return 2;
            }
            err.println("simulate: ready at " + url + "; " + scenarios.size() + " simulated customers");
            int status = simulate(options.against(url, "sam:" + agentPassword, "admin:" + adminPassword), scenarios,
                    earlier, out, err);
            // background work the last conversations started (summaries, screening) ends before the database closes
            settle();
            return status;
        } finally {
            delete(dir);
        }
    }

    private static int simulate(SimulationOptions options, List<Scenario> scenarios, JsonNode earlier, PrintStream out,
            PrintStream err) {
        SimulationReport report = Simulation.run(options, scenarios);
        JsonNode json = report.toJson();
        if (options.out() != null) {
            try {
                Files.writeString(options.out(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("simulate: could not write " + options.out() + ": " + e.getMessage());
            }
        }
        if (options.json()) {
            out.println(JSON.writeValueAsString(json));
            if (earlier != null) {
                report.printComparison(earlier, err);
            }
        } else {
            report.printTable(out);
            if (earlier != null) {
                out.println();
                report.printComparison(earlier, out);
            }
        }
        return 0;
    }

    private static JsonNode readReport(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!node.isObject() || !node.has("verifiedResolution")) {
                throw new IllegalArgumentException("--compare: " + file + " is not a simulate report (no verifiedResolution)");
            }
            return node;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw new IllegalArgumentException("--compare: cannot read " + file + " as JSON: " + e.getMessage());
        }
    }

    /** Health UP: the knowledge index and models are loaded, so the first customers meet the real assistant. */
    private static boolean ready(String url) {
        HttpClient client = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(until)) {
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void settle() {
        try {
            Thread.sleep(SETTLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the system cleans it up eventually
        }
    }

    static void main(String[] args) {
        int status;
        try {
            status = run(Arrays.asList(args).subList(1, args.length), System.out, System.err,
                    "--logging.config=classpath:logback-eval.xml");
        } catch (RuntimeException e) {
            System.err.println("simulate failed: " + e);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }
}
